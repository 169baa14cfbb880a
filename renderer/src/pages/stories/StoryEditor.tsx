import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { PageSection } from '../../components/PageSection';
import { ProvenanceNotice } from '../../components/ProvenanceNotice';
import { PersonalDataPanel } from '../../components/PersonalDataPanel';
import { PlainLanguagePanel } from '../../components/PlainLanguagePanel';
import { errorFor, fieldId, type FieldError } from '../../lib/field-ids';
import { type FormProblem } from '../../lib/form-problem';
import { hrefFor } from '../../lib/routes';
import { ApproveSection, WithdrawSection } from './ApprovalPanel';
import { todayInTrust } from './consent-dates';
import { ConsentForm } from './ConsentForm';
import { savedFieldError } from './field-errors';
import { LearningPointsField } from './LearningPointsField';
import { NarrativeField } from './NarrativeField';
import { ReadBackForm } from './ReadBackForm';
import type { StoryDraftFields } from './story-draft';
import { StoryDetailsSection, StoryStateLines, StoryTagsSection } from './StorySections';
import type { StoryDetailDto } from './story-types';
import { useStoryAutosave } from './use-story-autosave';
import { useStoryClearance } from './use-story-clearance';

type Source = 'consent' | 'readBack' | 'approve' | 'withdraw';
type PageProblem = FormProblem & { source: Source };
type Outcome = { ok: true; story: StoryDetailDto } | { ok: false; problem: FormProblem };

/** One story: its details, text, checks, tags, consent, read back and approval, each a section. */
export function StoryEditor({ initial }: { initial: StoryDetailDto }) {
  const autosave = useStoryAutosave(initial);
  const { story, fields, status } = autosave;
  const change = useCallback((patch: Partial<StoryDraftFields>) => autosave.change(patch), [autosave]);
  const flush = useCallback(() => autosave.flush(), [autosave]);
  const adopt = useCallback((next: StoryDetailDto) => autosave.adopt(next), [autosave]);
  const refresh = useCallback((next: StoryDetailDto) => autosave.refresh(next), [autosave]);
  const [pageProblem, setPageProblem] = useState<PageProblem | null>(null);
  const [notice, setNoticeText] = useState<string | null>(null);
  // Consent, read-back, approval and withdrawal replace the form that had the focus: it moves
  // to the notice of what happened rather than falling to the page. A decision on a finding is
  // announced without it (the findings panel moves the focus to what is left).
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const [noticed, setNoticed] = useState(0);
  const setNotice = useCallback((text: string | null) => {
    setNoticeText(text);
    if (text !== null) setNoticed((n) => n + 1);
  }, []);
  useEffect(() => {
    if (noticed > 0) noticeRef.current?.focus();
  }, [noticed]);
  // An imported story is its contributor's to change; a withdrawn one is final.
  const imported = story.provenance !== null;
  const readOnly = story.status === 'withdrawn' || imported;
  const { report, decide } = useStoryClearance({ story, flush, adopt, setNotice: setNoticeText });

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

  const saveError = status.state === 'failed' ? savedFieldError(status.error) : null;
  const saveErrors: FieldError[] = saveError === null ? [] : [saveError];
  const errorsFor = (source: Source) => (pageProblem?.source === source ? pageProblem.errors : []);

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
      <StoryStateLines story={story} status={status} notice={notice} noticeRef={noticeRef} />
      {story.provenance !== null && <ProvenanceNotice provenance={story.provenance} what="story" />}

      <StoryDetailsSection fields={fields} readOnly={readOnly} saveErrors={saveErrors} change={change} />

      <PageSection id="story-text" title="The story">
        <NarrativeField
          narrative={fields.narrative}
          quotes={fields.quotes}
          readOnly={readOnly}
          error={
            errorFor(saveErrors, 'narrative') ?? saveErrors.find((e) => e.field.startsWith('quotes'))?.message
          }
          onChange={change}
        />
      </PageSection>

      <PageSection id="story-personal-data" title="Personal details check">
        <PersonalDataPanel
          report={report}
          savedNarrative={story.narrative}
          readOnly={readOnly}
          onDecide={decide}
        />
      </PageSection>

      <PageSection id="story-plain-language" title="Plain language check">
        <PlainLanguagePanel summary={report?.plainLanguage ?? null} />
      </PageSection>

      <PageSection id="story-learning" title="Learning points">
        <LearningPointsField
          points={fields.learningPoints}
          readOnly={readOnly}
          onChange={(learningPoints) => change({ learningPoints })}
        />
      </PageSection>

      <StoryTagsSection story={story} readOnly={readOnly} onSaved={refresh} />

      {!imported && (
        <StoryConsentSections story={story} flush={flush} errorsFor={errorsFor} finish={finish} />
      )}
    </>
  );
}

type ConsentProps = {
  story: StoryDetailDto;
  flush: () => Promise<StoryDetailDto | null>;
  errorsFor: (source: Source) => FieldError[];
  finish: (source: Source, success: string) => (outcome: Outcome) => void;
};

/** Consent, read back, approval and withdrawal: steps taken on the laptop the story was written on. */
function StoryConsentSections({ story, flush, errorsFor, finish }: ConsentProps) {
  return (
    <>
      <PageSection id={fieldId('consent')} title="Consent">
        <ConsentForm
          story={story}
          errors={errorsFor('consent')}
          onRecorded={finish('consent', 'Consent recorded.')}
        />
      </PageSection>

      <PageSection id={fieldId('readBack')} title="Read back">
        <ReadBackForm
          story={story}
          errors={errorsFor('readBack')}
          flush={flush}
          onRecorded={finish('readBack', 'Read-back recorded.')}
        />
      </PageSection>

      <PageSection id="story-approve" title="Approve">
        <ApproveSection story={story} flush={flush} onDone={finish('approve', 'Story approved.')} />
      </PageSection>

      <PageSection id="story-withdraw" title="Withdraw consent">
        <WithdrawSection
          story={story}
          today={todayInTrust()}
          onDone={finish('withdraw', 'Consent withdrawn.')}
        />
      </PageSection>
    </>
  );
}
