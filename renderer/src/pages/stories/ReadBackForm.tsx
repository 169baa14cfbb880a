import { useState, type FormEvent } from 'react';
import { READ_BACK_METHODS, type ReadBackMethod } from '../../../../ipc/vocabulary';
import { api } from '../../api-client';
import { Radios } from '../../components/Radios';
import { errorFor, fieldId, type FieldError } from '../../lib/field-ids';
import { formatCalendarDate, todayInTrust } from './consent-dates';
import { formProblem, type FormProblem } from '../../lib/form-problem';
import { READ_BACK_METHOD_LABELS } from './story-labels';
import type { StoryDetailDto } from './story-types';
import { DateInput } from '../../components/DateInput';
import { dateErrors } from '../../lib/date-parts';
import { ErrorMessage } from '../../components/ErrorMessage';

type Props = {
  story: StoryDetailDto;
  errors: readonly FieldError[];
  /** Saves any typing first, so what is recorded as read back is the text on screen. */
  flush: () => Promise<StoryDetailDto | null>;
  onRecorded: (result: { ok: true; story: StoryDetailDto } | { ok: false; problem: FormProblem }) => void;
};

// The consent form on the same page has its own "method"; ids must stay unique on the page.
const METHOD_FIELD = 'readBackMethod';

function ownFields(problem: FormProblem): FormProblem {
  return {
    ...problem,
    errors: problem.errors.map((e) => (e.field === 'method' ? { ...e, field: METHOD_FIELD } : e)),
  };
}

const METHOD_OPTIONS = READ_BACK_METHODS.map((value) => ({ value, label: READ_BACK_METHOD_LABELS[value] }));

function ReadBackState({ story }: { story: StoryDetailDto }) {
  const last = story.readBacks.at(-1);
  if (last === undefined) return <p className="nhsuk-body">The story has not been read back yet.</p>;
  const when = `${formatCalendarDate(last.checkedOn)} (${READ_BACK_METHOD_LABELS[last.method].toLowerCase()})`;
  if (story.readBackState === 'outdated') {
    return (
      <div className="nhsuk-warning-callout">
        <h3 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>Read back needed
          </span>
        </h3>
        <p>The story has changed since it was read back on {when}. Read it back again before approving it.</p>
      </div>
    );
  }
  return (
    <p className="nhsuk-body">
      Read back on {when}.{last.changesRequested !== '' && ` Changes asked for: ${last.changesRequested}`}
    </p>
  );
}

export function ReadBackForm({ story, errors, flush, onRecorded }: Props) {
  const [checkedOn, setCheckedOn] = useState(todayInTrust);
  const [method, setMethod] = useState<ReadBackMethod | null>(null);
  const [changesRequested, setChangesRequested] = useState('');
  const [saving, setSaving] = useState(false);
  const changesId = fieldId('changesRequested');
  const changesError = errorFor(errors, 'changesRequested');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const dates = dateErrors([
      {
        field: 'checkedOn',
        value: checkedOn,
        name: 'Date the storyteller checked the story',
        required: 'Enter the date the storyteller checked the story',
      },
    ]);
    if (method === null || dates.length > 0) {
      const errors =
        method === null ? [{ field: METHOD_FIELD, message: 'Choose how the story was read back' }] : [];
      onRecorded({ ok: false, problem: { errors: [...dates, ...errors], problem: null } });
      return;
    }
    setSaving(true);
    const latest = await flush();
    if (latest === null) {
      setSaving(false);
      onRecorded({
        ok: false,
        problem: {
          errors: [
            {
              field: 'narrative',
              message: 'The story could not be saved, so it cannot be recorded as read back yet',
            },
          ],
          problem: null,
        },
      });
      return;
    }
    const result = await api['stories:record-read-back']({
      id: story.id,
      checkedOn,
      method,
      changesRequested,
      textHash: latest.textHash,
    });
    setSaving(false);
    if (result.ok) {
      setMethod(null);
      setChangesRequested('');
    }
    onRecorded(
      result.ok
        ? { ok: true, story: result.value }
        : { ok: false, problem: ownFields(formProblem(result.error)) },
    );
  };

  const current = story.readBackState === 'current';
  return (
    <>
      <ReadBackState story={story} />
      {story.status !== 'withdrawn' && !current && (
        <form noValidate onSubmit={(event) => void submit(event)} aria-label="Record the read-back">
          <DateInput
            field="checkedOn"
            label="Date the storyteller checked the story"
            value={checkedOn}
            onChange={setCheckedOn}
            error={errorFor(errors, 'checkedOn')}
          />
          <Radios
            field={METHOD_FIELD}
            legend="How was it read back?"
            options={METHOD_OPTIONS}
            value={method}
            onChange={setMethod}
            error={errorFor(errors, METHOD_FIELD)}
          />
          <div className={`nhsuk-form-group${changesError !== undefined ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label" htmlFor={changesId}>
              Changes the storyteller asked for (optional)
            </label>
            <ErrorMessage id={`${changesId}-error`} message={changesError} />
            <textarea
              className="nhsuk-textarea"
              id={changesId}
              rows={3}
              value={changesRequested}
              onChange={(event) => setChangesRequested(event.target.value)}
            />
          </div>
          <button type="submit" className="nhsuk-button" disabled={saving}>
            Record read-back
          </button>
        </form>
      )}
    </>
  );
}
