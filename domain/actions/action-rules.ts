// The rules of the "You said, we did" loop, as pure functions: which status changes are
// allowed and what each needs, when an action is overdue, and the period figures PEIG sees.
import type { ActionStatus, FeedbackChannel } from '../../ipc/vocabulary';
import { endOfDayIn, TRUST_TIME_ZONE } from '../time/trust-time';

const ORDER: Record<ActionStatus, number> = { open: 0, in_progress: 1, done: 2, fed_back: 3 };

export type TransitionInput = {
  from: ActionStatus;
  to: ActionStatus;
  owner: string | null;
  reason: string | null;
  feedback: { channel: FeedbackChannel; at: string } | null;
};

export type TransitionProblem = { field: 'status' | 'owner' | 'reason' | 'feedback'; message: string };

/**
 * Forward moves need what the next stage implies (someone owns it; the people were told how
 * and when). Any move backwards, from done especially, needs a reason on the record, so a
 * closed concern cannot quietly reopen or a "done" be undone without an explanation.
 */
export function checkTransition(input: TransitionInput): TransitionProblem | null {
  const { from, to } = input;
  if (from === to) return { field: 'status', message: 'The action already has this status' };
  const forward = ORDER[to] > ORDER[from];
  if (forward && to === 'fed_back' && from !== 'done') {
    return { field: 'status', message: 'Mark the action done before recording that people were told' };
  }
  if (to !== 'open' && (input.owner ?? '').trim().length === 0) {
    return { field: 'owner', message: 'Enter who owns this action' };
  }
  if (to === 'fed_back' && input.feedback === null) {
    return { field: 'feedback', message: 'Say how and when people were told' };
  }
  if (!forward && (input.reason ?? '').trim().length === 0) {
    return {
      field: 'reason',
      message:
        from === 'done' || from === 'fed_back'
          ? 'Give a reason for reopening an action that was done'
          : 'Give a reason for moving the action back',
    };
  }
  return null;
}

export function isClosed(status: ActionStatus): boolean {
  return status === 'done' || status === 'fed_back';
}

/**
 * Overdue: past the end of the due date on the trust's calendar (Europe/London), and not done.
 * Computed from the instant, so a laptop in another zone, or a check at 00:30 on the night
 * the clocks change, gives the same answer as one on the ward.
 */
export function isOverdue(
  action: { status: ActionStatus; dueDate: string | null },
  now: Date,
  zone = TRUST_TIME_ZONE,
): boolean {
  if (action.dueDate === null || isClosed(action.status)) return false;
  return now.getTime() >= endOfDayIn(action.dueDate, zone).getTime();
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Whole and part days between two instants: what PEIG reads as "days from said to fed back". */
export function daysBetween(fromIso: string, toIso: string): number {
  return (Date.parse(toIso) - Date.parse(fromIso)) / 86_400_000;
}
