// Plain words for the action loop's closed lists, and which status changes to offer. The
// rules themselves live in domain/actions/action-rules.ts (the server refuses anything else);
// this mirrors them so the page only offers moves that can succeed.
import type { ActionStatus, FeedbackChannel, RevisitOutcome } from '../../../../ipc/contract';
import { assertNever } from '../../../../ipc/errors';

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  fed_back: 'Fed back',
};

export const ACTION_STATUS_TAG_CLASSES: Record<ActionStatus, string> = {
  open: 'nhsuk-tag--grey',
  in_progress: 'nhsuk-tag--blue',
  done: 'nhsuk-tag--green',
  fed_back: 'nhsuk-tag--purple',
};

export const FEEDBACK_CHANNEL_LABELS: Record<FeedbackChannel, string> = {
  ward_noticeboard: 'Ward noticeboard',
  department_screen: 'Department TV screen',
  letter: 'Letter',
  in_person: 'In person',
  meeting: 'Meeting',
};

export const REVISIT_OUTCOME_LABELS: Record<RevisitOutcome, string> = {
  still_an_issue: 'Still an issue',
  improved: 'Improved',
  resolved: 'Resolved',
};

const ORDER: Record<ActionStatus, number> = { open: 0, in_progress: 1, done: 2, fed_back: 3 };

export type NextStep = { status: ActionStatus; backwards: boolean };

/**
 * Every other status, except "fed back" before the action is done (people cannot be told about
 * something not yet done). Moving back is allowed but needs a reason, so it is marked.
 */
export function nextSteps(from: ActionStatus): NextStep[] {
  return (Object.keys(ORDER) as ActionStatus[])
    .filter((to) => to !== from && !(to === 'fed_back' && from !== 'done'))
    .map((to) => ({ status: to, backwards: ORDER[to] < ORDER[from] }));
}

/** "Move back to open", "Mark as done": the words on each choice. */
export function stepLabel(step: NextStep): string {
  if (step.backwards) return `Move back to ${ACTION_STATUS_LABELS[step.status].toLowerCase()}`;
  switch (step.status) {
    case 'in_progress':
      return 'Start work (in progress)';
    case 'done':
      return 'Mark as done';
    case 'fed_back':
      return 'People have been told (fed back)';
    case 'open':
      return 'Open';
    default:
      return assertNever(step.status);
  }
}

/**
 * Update refusals name their field as "changes.dueDate"; the page's fields are named without the
 * prefix, so one error summary link works for both update and status refusals.
 */
export function pageField(field: string | undefined): string {
  if (field === undefined) return 'status';
  return field.startsWith('changes.') ? field.slice('changes.'.length) : field;
}

/** "26 November 2025" from a calendar date "2025-11-26", with no time zone shift. */
export function formatDueDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utc);
}

/** "3 and a half days": the median from said to fed back, in words a committee reads aloud. */
export function describeMedianDays(days: number | null): string {
  if (days === null) return 'No action was fed back in this period, so there is no typical time yet.';
  const rounded = Math.round(days * 2) / 2;
  if (rounded < 1) return 'Typically, people were told less than a day after they raised it.';
  const whole = Math.floor(rounded);
  const half = rounded !== whole;
  const words = `${whole}${half ? ' and a half' : ''} ${whole === 1 && !half ? 'day' : 'days'}`;
  return `Typically, people were told ${words} after they raised it (the median).`;
}
