import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { PageSection } from '../../components/PageSection';
import { ProvenanceNotice } from '../../components/ProvenanceNotice';
import { PersonalDataPanel } from '../../components/PersonalDataPanel';
import { PlainLanguagePanel } from '../../components/PlainLanguagePanel';
import { errorFor, fieldId, type FieldError } from '../../lib/field-ids';
import { type FormProblem } from '../../lib/form-problem';
import { replaceTerm } from '../../../../domain/plain-language/plain-replace';
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
import { stepOfField, stepStatuses, type StoryStepId } from './story-steps';
import type { StoryDetailDto } from './story-types';
import { StepNavigation, StoryTaskList } from './StoryTaskList';
import { useStoryAutosave } from './use-story-autosave';
import { useStoryClearance } from './use-story-clearance';

type Source = 'consent' | 'readBack' | 'approve' | 'withdraw';
type PageProblem = FormProblem & { source: Source };
type Outcome = { ok: true; story: StoryDetailDto } | { ok: false; problem: FormProblem };

type Props = {
  initial: StoryDetailDto;
  /** The step shown, or null for the task list of all of them. */
  step: StoryStepId | null;
  /** Shown under the task list only: the story's actions, the way to its review. */
  listExtras?: ReactNode;
};

/**
 * One story as a sequence of steps (details, text, checks, tags, consent, read back, approval)
 * with a task list saying where each stands, so no step is lost at the foot of a long page.
 */
export function StoryEditor({ initial, step, listExtras }: Props) {
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
  const statuses = stepStatuses({ story, fields, report });
  // Moving between steps keeps the page (and its autosave); the focus goes to the step's heading,
  // or to the list's.
  const stepHeadingRef = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(true);
  useEffect(() => {
    // On arrival the h1 has the focus, as on every page.
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    stepHeadingRef.current?.focus();
  }, [step]);
  // The one-key fix for jargon: the plain words go into the text, which then saves as typed.
  const replaceJargon = useCallback(
    (term: string, words: string) => {
      change({ narrative: replaceTerm(fields.narrative, term, words) });
      setNotice(`“${term}” was replaced with “${words}”.`);
    },
    [change, fields.narrative, setNotice],
  );

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
  // An error about a field of another step links to that step.
  const linkTo = (field: string) => {
    const target = stepOfField(field);
    return target === null || target === step
      ? null
      : hrefFor({ name: 'story', storyId: story.id, step: target });
  };
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
      {pageProblem !== null && pageProblem.errors.length > 0 && (
        <ErrorSummary errors={pageProblem.errors} linkTo={linkTo} />
      )}
      {pageProblem !== null && pageProblem.problem !== null && <ErrorSummary problem={pageProblem.problem} />}
      <StoryStateLines story={story} status={status} notice={notice} noticeRef={noticeRef} />
      {story.provenance !== null && <ProvenanceNotice provenance={story.provenance} what="story" />}

      {step === null ? (
        <>
          <StoryTaskList
            storyId={story.id}
            statuses={statuses}
            withdrawn={readOnly}
            headingRef={stepHeadingRef}
          />
          {listExtras}
        </>
      ) : (
        <>
          {step === 'details' && (
            <StoryDetailsSection
              fields={fields}
              readOnly={readOnly}
              saveErrors={saveErrors}
              change={change}
              headingRef={stepHeadingRef}
            />
          )}
          {step === 'text' && (
            <PageSection id="story-text" title="The story" headingRef={stepHeadingRef}>
              <NarrativeField
                narrative={fields.narrative}
                quotes={fields.quotes}
                readOnly={readOnly}
                error={
                  errorFor(saveErrors, 'narrative') ??
                  saveErrors.find((e) => e.field.startsWith('quotes'))?.message
                }
                onChange={change}
              />
            </PageSection>
          )}
          {step === 'personal-data' && (
            <PageSection id="story-personal-data" title="Personal details check" headingRef={stepHeadingRef}>
              <PersonalDataPanel
                report={report}
                savedNarrative={story.narrative}
                readOnly={readOnly}
                onDecide={decide}
              />
            </PageSection>
          )}
          {step === 'plain-language' && (
            <PageSection id="story-plain-language" title="Plain language check" headingRef={stepHeadingRef}>
              <PlainLanguagePanel
                summary={report?.plainLanguage ?? null}
                onReplace={readOnly ? undefined : replaceJargon}
              />
            </PageSection>
          )}
          {step === 'learning' && (
            <PageSection id="story-learning" title="Learning points" headingRef={stepHeadingRef}>
              <LearningPointsField
                points={fields.learningPoints}
                readOnly={readOnly}
                onChange={(learningPoints) => change({ learningPoints })}
              />
            </PageSection>
          )}
          {step === 'tags' && (
            <StoryTagsSection
              story={story}
              readOnly={readOnly}
              onSaved={refresh}
              headingRef={stepHeadingRef}
            />
          )}
          {!imported && step === 'consent' && (
            <PageSection id={fieldId('consent')} title="Consent" headingRef={stepHeadingRef}>
              <ConsentForm
                story={story}
                errors={errorsFor('consent')}
                onRecorded={finish('consent', 'Consent recorded.')}
              />
            </PageSection>
          )}
          {!imported && step === 'read-back' && (
            <PageSection id={fieldId('readBack')} title="Read back" headingRef={stepHeadingRef}>
              <ReadBackForm
                story={story}
                errors={errorsFor('readBack')}
                flush={flush}
                onRecorded={finish('readBack', 'Read-back recorded.')}
              />
            </PageSection>
          )}
          {!imported && step === 'approve' && (
            <PageSection id="story-approve" title="Approve" headingRef={stepHeadingRef}>
              <ApproveSection story={story} flush={flush} onDone={finish('approve', 'Story approved.')} />
            </PageSection>
          )}
          {!imported && step === 'withdraw' && (
            <PageSection id="story-withdraw" title="Withdraw consent" headingRef={stepHeadingRef}>
              <WithdrawSection
                story={story}
                today={todayInTrust()}
                onDone={finish('withdraw', 'Consent withdrawn.')}
              />
            </PageSection>
          )}
          {imported && ['consent', 'read-back', 'approve', 'withdraw'].includes(step) && (
            <p className="nhsuk-body">
              This story was imported: its consent, read-back and approval are recorded on the laptop it was
              written on.
            </p>
          )}
          <StepNavigation storyId={story.id} step={step} />
        </>
      )}
    </>
  );
}
