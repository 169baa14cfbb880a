import { useState, type FormEvent } from 'react';
import {
  CONSENT_IDENTITIES,
  CONSENT_METHODS,
  CONSENT_SCOPES,
  type ConsentIdentity,
  type ConsentMethod,
  type ConsentScope,
} from '../../../../ipc/vocabulary';
import { api } from '../../api-client';
import { Radios } from '../../components/Radios';
import { errorFor, type FieldError } from '../../lib/field-ids';
import { formatCalendarDate, reviewDateFor, todayInTrust } from './consent-dates';
import {
  CONSENT_IDENTITY_LABELS,
  CONSENT_LEVEL_LABELS,
  CONSENT_METHOD_LABELS,
  consentUseText,
  widestLevel,
} from './story-labels';
import { consentScopesUpTo } from '../../../../ipc/stories-schemas';
import type { StoryDetailDto } from './story-types';
import { DateInput } from '../../components/DateInput';
import { TextField } from '../../components/TextField';
import { dateErrors } from '../../lib/date-parts';
import { formProblem, type FormProblem } from '../../lib/form-problem';

type Props = {
  story: StoryDetailDto;
  errors: readonly FieldError[];
  onRecorded: (result: { ok: true; story: StoryDetailDto } | { ok: false; problem: FormProblem }) => void;
};

const METHOD_OPTIONS = CONSENT_METHODS.map((value) => ({ value, label: CONSENT_METHOD_LABELS[value] }));
const LEVEL_OPTIONS = CONSENT_SCOPES.map((value) => ({ value, label: CONSENT_LEVEL_LABELS[value] }));
const IDENTITY_OPTIONS = CONSENT_IDENTITIES.map((value) => ({
  value,
  label: CONSENT_IDENTITY_LABELS[value],
}));

function ConsentSummary({ story }: { story: StoryDetailDto }) {
  const { consent } = story;
  if (consent === null) return <p className="nhsuk-body">No consent is recorded yet.</p>;
  return (
    <dl className="nhsuk-summary-list">
      {[
        ['Given on', formatCalendarDate(consent.givenOn)],
        ['How', CONSENT_METHOD_LABELS[consent.method]],
        ['Recorded by', consent.recordedBy],
        ['May be used', consentUseText(consent.scopes)],
        ['Name', CONSENT_IDENTITY_LABELS[consent.identity]],
        [
          story.consentState === 'expired' ? 'Expired (review was due)' : 'Review by',
          formatCalendarDate(consent.reviewOn),
        ],
      ].map(([key, value]) => (
        <div className="nhsuk-summary-list__row" key={key}>
          <dt className="nhsuk-summary-list__key">{key}</dt>
          <dd className="nhsuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ConsentForm({ story, errors, onRecorded }: Props) {
  const [givenOn, setGivenOn] = useState(() => story.consent?.givenOn ?? todayInTrust());
  const [method, setMethod] = useState<ConsentMethod | null>(story.consent?.method ?? null);
  const [recordedBy, setRecordedBy] = useState(story.consent?.recordedBy ?? story.author);
  // One choice, the widest use: each includes the narrower ones, so no two can contradict.
  const [widest, setWidest] = useState<ConsentScope | null>(() => widestLevel(story.consent?.scopes ?? []));
  const [identity, setIdentity] = useState<ConsentIdentity | null>(story.consent?.identity ?? null);
  // The review date follows the consent date (24 months on) until the person sets it themselves.
  const [reviewOn, setReviewOn] = useState<string | null>(story.consent?.reviewOn ?? null);
  const [open, setOpen] = useState(story.consent === null);
  const [saving, setSaving] = useState(false);
  const shownReviewOn = reviewOn ?? reviewDateFor(givenOn) ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const missing: FieldError[] = [];
    if (method === null) missing.push({ field: 'method', message: 'Choose how consent was given' });
    if (widest === null) missing.push({ field: 'scopes', message: 'Choose where the story may be used' });
    if (identity === null) missing.push({ field: 'identity', message: 'Choose anonymised or named' });
    const dates = dateErrors([
      {
        field: 'givenOn',
        value: givenOn,
        name: 'Date consent was given',
        required: 'Enter the date consent was given',
      },
      { field: 'reviewOn', value: shownReviewOn, name: 'Review date' },
    ]);
    missing.unshift(...dates.filter((e) => e.field === 'givenOn'));
    missing.push(...dates.filter((e) => e.field === 'reviewOn'));
    if (method === null || widest === null || identity === null || dates.length > 0) {
      onRecorded({ ok: false, problem: { errors: missing, problem: null } });
      return;
    }
    setSaving(true);
    const result = await api['stories:record-consent']({
      id: story.id,
      givenOn,
      method,
      recordedBy,
      scopes: consentScopesUpTo(widest),
      identity,
      reviewOn: shownReviewOn === '' ? null : shownReviewOn,
    });
    setSaving(false);
    if (result.ok) setOpen(false);
    onRecorded(
      result.ok ? { ok: true, story: result.value } : { ok: false, problem: formProblem(result.error) },
    );
  };

  if (story.status === 'withdrawn') return <ConsentSummary story={story} />;
  return (
    <>
      <ConsentSummary story={story} />
      {!open && (
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setOpen(true)}>
          Record new consent
        </button>
      )}
      {open && (
        <form noValidate onSubmit={(event) => void submit(event)} aria-label="Record consent">
          <DateInput
            field="givenOn"
            label="Date consent was given"
            value={givenOn}
            onChange={setGivenOn}
            error={errorFor(errors, 'givenOn')}
          />
          <Radios
            field="method"
            legend="How was consent given?"
            options={METHOD_OPTIONS}
            value={method}
            onChange={setMethod}
            error={errorFor(errors, 'method')}
          />
          <TextField
            field="recordedBy"
            label="Recorded by"
            value={recordedBy}
            onChange={setRecordedBy}
            width="nhsuk-input--width-20"
            error={errorFor(errors, 'recordedBy')}
          />
          <Radios
            field="scopes"
            legend="Where may the story be used?"
            hint="Each choice includes the ones above it."
            options={LEVEL_OPTIONS}
            value={widest}
            onChange={setWidest}
            error={errorFor(errors, 'scopes')}
          />
          <Radios
            field="identity"
            legend="May the storyteller be named?"
            options={IDENTITY_OPTIONS}
            value={identity}
            onChange={setIdentity}
            error={errorFor(errors, 'identity')}
          />
          <DateInput
            field="reviewOn"
            label="Review date"
            hint="When consent must be checked again. Set to 24 months after consent was given; you can change it."
            value={shownReviewOn}
            onChange={setReviewOn}
            error={errorFor(errors, 'reviewOn')}
          />
          <button type="submit" className="nhsuk-button" disabled={saving}>
            Record consent
          </button>
        </form>
      )}
    </>
  );
}
