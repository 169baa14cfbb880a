// The story page as a sequence of steps with a task list (the GOV.UK "complete multiple tasks"
// pattern): each step's status from the story as it stands, which step comes next, and which step
// holds a field an error names. DOM-free.
import type { ClearanceReportDto } from '../../lib/clearance-types';
import type { StoryDraftFields } from './story-draft';
import type { StoryDetailDto } from './story-types';

export const STORY_STEPS = [
  { id: 'details', title: 'Details' },
  { id: 'text', title: 'The story' },
  { id: 'personal-data', title: 'Personal details check' },
  { id: 'plain-language', title: 'Plain language check' },
  { id: 'learning', title: 'Learning points' },
  { id: 'tags', title: 'Tags and sentiment' },
  { id: 'consent', title: 'Consent' },
  { id: 'read-back', title: 'Read back' },
  { id: 'approve', title: 'Approve' },
] as const;

/** Not one of the tasks: withdrawing consent is offered beside the list, not as a step to do. */
export const WITHDRAW_STEP = { id: 'withdraw', title: 'Withdraw consent' } as const;

export type StoryStepId = (typeof STORY_STEPS)[number]['id'] | typeof WITHDRAW_STEP.id;
export type StepStatus = 'Not started' | 'In progress' | 'Completed' | 'Cannot start yet';

export function isStoryStep(value: string | undefined): value is StoryStepId {
  return value === WITHDRAW_STEP.id || STORY_STEPS.some((step) => step.id === value);
}

export function stepTitle(id: StoryStepId): string {
  return id === WITHDRAW_STEP.id ? WITHDRAW_STEP.title : (STORY_STEPS.find((s) => s.id === id)?.title ?? id);
}

/** The step after this one, or null after the last. */
export function nextStep(id: StoryStepId): (typeof STORY_STEPS)[number] | null {
  const index = STORY_STEPS.findIndex((step) => step.id === id);
  return index === -1 ? null : (STORY_STEPS[index + 1] ?? null);
}

type Input = {
  story: Pick<
    StoryDetailDto,
    'status' | 'consentState' | 'readBackState' | 'tags' | 'sentimentConfirmed' | 'narrative'
  >;
  fields: Pick<StoryDraftFields, 'title' | 'author' | 'narrative' | 'learningPoints'>;
  report: ClearanceReportDto | null;
};

/** Each step's status, as the task list shows it. */
export function stepStatuses({ story, fields, report }: Input): Record<StoryStepId, StepStatus> {
  const written = fields.narrative.trim() !== '';
  const approved = story.status === 'approved';
  const personal: StepStatus = !written
    ? 'Cannot start yet'
    : report === null
      ? 'In progress'
      : report.findings.some((f) => f.state === 'undecided')
        ? 'In progress'
        : 'Completed';
  const unclear =
    report !== null &&
    (report.plainLanguage.terms.some((t) => !t.explained) ||
      report.plainLanguage.unexplainedAbbreviations.length > 0);
  const consentDone = story.consentState === 'valid';
  const readBackDone = story.readBackState === 'current';
  return {
    details: fields.title.trim() !== '' && fields.author.trim() !== '' ? 'Completed' : 'In progress',
    text: written ? 'Completed' : 'Not started',
    'personal-data': personal,
    'plain-language': !written
      ? 'Cannot start yet'
      : unclear || report === null
        ? 'In progress'
        : 'Completed',
    learning: fields.learningPoints.some((p) => p.trim() !== '') ? 'Completed' : 'Not started',
    tags:
      story.sentimentConfirmed !== null ? 'Completed' : story.tags.length > 0 ? 'In progress' : 'Not started',
    consent: consentDone ? 'Completed' : story.consentState === 'none' ? 'Not started' : 'In progress',
    'read-back': readBackDone
      ? 'Completed'
      : story.readBackState === 'outdated'
        ? 'In progress'
        : written
          ? 'Not started'
          : 'Cannot start yet',
    approve: approved ? 'Completed' : consentDone && readBackDone ? 'Not started' : 'Cannot start yet',
    withdraw: story.status === 'withdrawn' ? 'Completed' : 'Not started',
  };
}

/** The step that holds the field an error names ("consent", "readBack", "narrative"…), if any. */
export function stepOfField(field: string): StoryStepId | null {
  if (field === 'title' || field === 'author' || field === 'roundId' || field === 'storyteller')
    return 'details';
  if (field === 'narrative' || field.startsWith('quotes')) return 'text';
  if (field.startsWith('learningPoints')) return 'learning';
  if (['consent', 'givenOn', 'method', 'recordedBy', 'scopes', 'identity', 'reviewOn'].includes(field)) {
    return 'consent';
  }
  if (field === 'checkedOn' || field === 'changesRequested' || field.startsWith('readBack'))
    return 'read-back';
  if (field === 'withdrawnOn') return 'withdraw';
  return null;
}
