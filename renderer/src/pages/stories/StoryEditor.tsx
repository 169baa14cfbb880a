import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { api } from '../../api-client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { Radios } from '../../components/Radios';
import { SelectField } from '../../components/SelectField';
import { errorFor, fieldId, type FieldError } from '../../lib/field-ids';
import { formatDate } from '../../lib/format';
import { hrefFor } from '../../lib/routes';
import { withCustomTag } from '../../lib/round-state';
import { useLoad } from '../../lib/use-load';
import { metaStatusText } from '../round/SaveStatusLine';
import { STORYTELLER_TYPES } from '../../../../ipc/vocabulary';
import { ApproveSection, WithdrawSection } from './ApprovalPanel';
import { todayInTrust } from './consent-dates';
import { ConsentForm } from './ConsentForm';
import { type FormProblem } from '../../lib/form-problem';
import { savedFieldError } from './field-errors';
import { LearningPointsField } from './LearningPointsField';
import { NarrativeField } from './NarrativeField';
import { decideFinding, PersonalDataPanel, type DecideFinding } from './PersonalDataPanel';
import { PlainLanguagePanel } from './PlainLanguagePanel';
import { ReadBackForm } from './ReadBackForm';
import { CONSENT_STATE_LABELS, STORYTELLER_LABELS } from './story-labels';
import type { ClearanceReportDto, StoryDetailDto } from './story-types';
import { StoryStatusTag } from './StoryStatusTag';
import { StoryTagging } from './StoryTagging';
import { StoryTextInput } from './StoryTextInput';
import { useStoryAutosave } from './use-story-autosave';
import type { StoryDraftFields } from './story-draft';

type Source = 'consent' | 'readBack' | 'approve' | 'withdraw';
type PageProblem = FormProblem & { source: Source };
type Outcome = { ok: true; story: StoryDetailDto } | { ok: false; problem: FormProblem };

const STORYTELLER_OPTIONS = STORYTELLER_TYPES.map((value) => ({ value, label: STORYTELLER_LABELS[value] }));

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="pxr-story-section" aria-labelledby={id}>
      {/* Focusable so the error summary can send people here ("Record consent first"). */}
      <h2 className="nhsuk-heading-m" id={id} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function StoryEditor({ initial }: { initial: StoryDetailDto }) {
  const autosave = useStoryAutosave(initial);
  const { story, fields, status } = autosave;
  const change = useCallback((patch: Partial<StoryDraftFields>) => autosave.change(patch), [autosave]);
  const flush = useCallback(() => autosave.flush(), [autosave]);
  const adopt = useCallback((next: StoryDetailDto) => autosave.adopt(next), [autosave]);
  const refresh = useCallback((next: StoryDetailDto) => autosave.refresh(next), [autosave]);
  const [report, setReport] = useState<ClearanceReportDto | null>(null);
  const [pageProblem, setPageProblem] = useState<PageProblem | null>(null);
  const [notice, setNoticeText] = useState<string | null>(null);
  // Consent, read-back and approval replace the form that had the focus: it moves to what
  // happened, rather than falling to the page.
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const [noticed, setNoticed] = useState(0);
  const setNotice = useCallback((text: string | null) => {
    setNoticeText(text);
    if (text !== null) setNoticed((n) => n + 1);
  }, []);
  useEffect(() => {
    if (noticed > 0) noticeRef.current?.focus();
  }, [noticed]);
  const [rounds] = useLoad(() => api['rounds:list']({}), []);
  const [catalogue, setCatalogue] = useLoad(() => api['frameworks:list']({}), []);
  const onCustomTag = useCallback(
    (tag: { id: string; label: string }) => {
      if (catalogue.state === 'ready') setCatalogue(withCustomTag(catalogue.value, tag));
    },
    [catalogue, setCatalogue],
  );
  const checkRun = useRef(0);
  const readOnly = story.status === 'withdrawn';

  // Re-checked after every save: the findings and their positions follow the stored text.
  useEffect(() => {
    const run = ++checkRun.current;
    void api['clearance:check']({ itemKind: 'story', itemId: story.id }).then((result) => {
      if (run === checkRun.current && result.ok) setReport(result.value);
    });
  }, [story.id, story.updatedAt]);

  const finish = useCallback(
    (source: Source, success: string) => (outcome: Outcome) => {
      if (outcome.ok) {
        adopt(outcome.story);
        setPageProblem(null);
        setNotice(success);
      } else {
        setNotice(null);
        setPageProblem({ ...outcome.problem, source });
      }
    },
    [adopt, setNotice],
  );

  const decide: DecideFinding = async (finding, choice) => {
    // Decisions refer to the stored text, so anything still being typed is saved first.
    if ((await flush()) === null)
      return { kind: 'storage', message: 'Wait for the story to save, then try again.' };
    const result = await decideFinding({ itemKind: 'story', itemId: story.id }, finding, choice);
    if (!result.ok) return result.error;
    setReport(result.value);
    if (choice.decision === 'redacted') {
      const latest = await api['stories:get']({ id: story.id });
      if (latest.ok) adopt(latest.value);
    }
    // Announced without taking the focus, which the findings panel moves to what is left.
    setNoticeText(
      choice.decision === 'redacted'
        ? `“${finding.text}” was removed from the story.`
        : `“${finding.text}” is kept.`,
    );
    return null;
  };

  const saveError = status.state === 'failed' ? savedFieldError(status.error) : null;
  const saveErrors: FieldError[] = saveError === null ? [] : [saveError];
  const errorsFor = (source: Source) => (pageProblem?.source === source ? pageProblem.errors : []);
  const statusText = metaStatusText(status);

  return (
    <>
      <a className="nhsuk-back-link" href={hrefFor({ name: 'stories', query: '' })}>
        Back to stories
      </a>
      <PageHeading title={story.title} hasErrors={pageProblem !== null}>
        <span className="nhsuk-caption-l">Story</span>
        {story.title}
      </PageHeading>
      {pageProblem !== null && pageProblem.errors.length > 0 && <ErrorSummary errors={pageProblem.errors} />}
      {pageProblem !== null && pageProblem.problem !== null && <ErrorSummary problem={pageProblem.problem} />}
      <p className="nhsuk-body pxr-story-state">
        <StoryStatusTag status={story.status} /> {CONSENT_STATE_LABELS[story.consentState]}.
        {story.status === 'draft' && story.readBackState === 'outdated' && (
          <>
            {' '}
            <strong className="nhsuk-tag nhsuk-tag--orange">Read back needed</strong>
          </>
        )}{' '}
        Started {formatDate(story.createdAt)}.
      </p>
      <p
        className={`pxr-save-status${status.state === 'failed' || status.state === 'retrying' ? ' pxr-save-status--problem' : ''}`}
        role="status"
        aria-atomic="true"
      >
        {status.state === 'idle' ? 'Saved' : statusText}
      </p>
      {notice !== null && (
        <p className="nhsuk-body pxr-story-notice" role="status" ref={noticeRef} tabIndex={-1}>
          {notice}
        </p>
      )}

      <Section id="story-details" title="Details">
        {/* A withdrawn story is final: its details stay as they were. */}
        <fieldset className="nhsuk-fieldset" disabled={readOnly}>
          <legend className="nhsuk-u-visually-hidden">Story details</legend>
          <StoryTextInput
            field="title"
            label="Title"
            value={fields.title}
            onChange={(title) => change({ title })}
            error={errorFor(saveErrors, 'title')}
          />
          <Radios
            field="storyteller"
            legend="Who told the story?"
            options={STORYTELLER_OPTIONS}
            value={fields.storyteller}
            onChange={(storyteller) => change({ storyteller })}
            inline
          />
          <StoryTextInput
            field="author"
            label="Written up by"
            value={fields.author}
            onChange={(author) => change({ author })}
            widthClass="nhsuk-input--width-20"
            error={errorFor(saveErrors, 'author')}
          />
          <SelectField
            field="roundId"
            label="Did the story come from a round? (optional)"
            value={fields.roundId ?? ''}
            onChange={(value) => change({ roundId: value === '' ? null : value })}
            error={errorFor(saveErrors, 'roundId')}
          >
            <option value="">Not from a round</option>
            {rounds.state === 'ready' &&
              rounds.value.map((round) => (
                <option key={round.id} value={round.id}>
                  {round.site}, {formatDate(round.startsAt)}
                </option>
              ))}
          </SelectField>
        </fieldset>
      </Section>

      <Section id="story-text" title="The story">
        <NarrativeField
          narrative={fields.narrative}
          quotes={fields.quotes}
          readOnly={readOnly}
          error={
            errorFor(saveErrors, 'narrative') ?? saveErrors.find((e) => e.field.startsWith('quotes'))?.message
          }
          onChange={change}
        />
      </Section>

      <Section id="story-personal-data" title="Personal details check">
        <PersonalDataPanel
          report={report}
          savedNarrative={story.narrative}
          readOnly={readOnly}
          onDecide={decide}
        />
      </Section>

      <Section id="story-plain-language" title="Plain language check">
        <PlainLanguagePanel summary={report?.plainLanguage ?? null} />
      </Section>

      <Section id="story-learning" title="Learning points">
        <LearningPointsField
          points={fields.learningPoints}
          readOnly={readOnly}
          onChange={(learningPoints) => change({ learningPoints })}
        />
      </Section>

      <Section id="story-tags" title="Tags and sentiment">
        {catalogue.state === 'loading' && <p className="nhsuk-body-s">Loading the tags…</p>}
        {catalogue.state === 'failed' && (
          <p className="nhsuk-body-s">Tags cannot be added just now. {catalogue.error.message}</p>
        )}
        {catalogue.state === 'ready' && (
          <StoryTagging
            story={story}
            catalogue={catalogue.value}
            readOnly={readOnly}
            onCustomTag={onCustomTag}
            onSaved={refresh}
          />
        )}
      </Section>

      <Section id={fieldId('consent')} title="Consent">
        <ConsentForm
          story={story}
          errors={errorsFor('consent')}
          onRecorded={finish('consent', 'Consent recorded.')}
        />
      </Section>

      <Section id={fieldId('readBack')} title="Read back">
        <ReadBackForm
          story={story}
          errors={errorsFor('readBack')}
          flush={flush}
          onRecorded={finish('readBack', 'Read-back recorded.')}
        />
      </Section>

      <Section id="story-approve" title="Approve">
        <ApproveSection story={story} flush={flush} onDone={finish('approve', 'Story approved.')} />
      </Section>

      <Section id="story-withdraw" title="Withdraw consent">
        <WithdrawSection
          story={story}
          today={todayInTrust()}
          onDone={finish('withdraw', 'Consent withdrawn.')}
        />
      </Section>
    </>
  );
}
