import { afterEach, describe, expect, it } from 'vitest';
import type { ActionStatus } from '../../ipc/vocabulary';
import { checkTransition, daysBetween, isOverdue, median } from './action-rules';

const move = (
  from: ActionStatus,
  to: ActionStatus,
  extra: Partial<Parameters<typeof checkTransition>[0]> = {},
) => checkTransition({ from, to, owner: 'Sister Ward 3', reason: null, feedback: null, ...extra });

describe('action status changes', () => {
  it('allows the loop forward: open, in progress, done, fed back', () => {
    expect(move('open', 'in_progress')).toBeNull();
    expect(move('in_progress', 'done')).toBeNull();
    expect(move('open', 'done')).toBeNull();
    expect(
      move('done', 'fed_back', { feedback: { channel: 'ward_noticeboard', at: '2026-11-20T10:00:00Z' } }),
    ).toBeNull();
  });

  it('refuses "in progress" without an owner', () => {
    expect(move('open', 'in_progress', { owner: '  ' })).toMatchObject({ field: 'owner' });
    expect(move('open', 'in_progress', { owner: null })).toMatchObject({ field: 'owner' });
  });

  it('refuses "fed back" before done, or without how and when', () => {
    expect(
      move('in_progress', 'fed_back', { feedback: { channel: 'letter', at: '2026-11-20T10:00:00Z' } }),
    ).toMatchObject({
      field: 'status',
    });
    expect(move('done', 'fed_back')).toMatchObject({ field: 'feedback' });
  });

  it('refuses to reopen a done action without a reason, and allows it with one', () => {
    expect(move('done', 'open')).toMatchObject({
      field: 'reason',
      message: expect.stringMatching(/reopening/),
    });
    expect(move('fed_back', 'in_progress')).toMatchObject({ field: 'reason' });
    expect(move('done', 'open', { reason: 'The leak came back' })).toBeNull();
    expect(move('in_progress', 'open')).toMatchObject({ field: 'reason' });
  });

  it('refuses a change to the same status', () => {
    expect(move('open', 'open')).toMatchObject({ field: 'status' });
  });
});

describe('overdue', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  const open = (dueDate: string) => ({ status: 'open' as const, dueDate });

  it('is overdue from the first moment after the due date ends in London', () => {
    expect(isOverdue(open('2026-01-15'), new Date('2026-01-15T23:59:59Z'))).toBe(false);
    expect(isOverdue(open('2026-01-15'), new Date('2026-01-16T00:00:00Z'))).toBe(true);
    // In summer London is an hour ahead: the day ends at 23:00 UTC.
    expect(isOverdue(open('2026-07-15'), new Date('2026-07-15T22:59:59Z'))).toBe(false);
    expect(isOverdue(open('2026-07-15'), new Date('2026-07-15T23:00:00Z'))).toBe(true);
  });

  it('gets the clock-change days right', () => {
    // 29 March 2026 is 23 hours long; 25 October 2026 is 25 hours long.
    expect(isOverdue(open('2026-03-29'), new Date('2026-03-29T22:30:00Z'))).toBe(false);
    expect(isOverdue(open('2026-03-29'), new Date('2026-03-29T23:00:00Z'))).toBe(true);
    expect(isOverdue(open('2026-10-25'), new Date('2026-10-25T23:30:00Z'))).toBe(false);
    expect(isOverdue(open('2026-10-25'), new Date('2026-10-26T00:00:00Z'))).toBe(true);
  });

  it('gives the same answer whatever time zone the laptop is set to', () => {
    const instants = [
      '2026-07-15T22:59:59Z',
      '2026-07-15T23:00:00Z',
      '2026-10-25T23:30:00Z',
      '2026-10-26T00:00:00Z',
    ];
    const answers = (tz: string) => {
      process.env.TZ = tz;
      return instants.map((at) =>
        isOverdue(open(at.startsWith('2026-07') ? '2026-07-15' : '2026-10-25'), new Date(at)),
      );
    };
    const london = answers('Europe/London');
    expect(answers('America/New_York')).toEqual(london);
    expect(answers('Asia/Tokyo')).toEqual(london);
    expect(answers('UTC')).toEqual(london);
    expect(london).toEqual([false, true, false, true]);
  });

  it('is never overdue once done or fed back, or without a due date', () => {
    const late = new Date('2027-01-01T00:00:00Z');
    expect(isOverdue({ status: 'done', dueDate: '2026-01-01' }, late)).toBe(false);
    expect(isOverdue({ status: 'fed_back', dueDate: '2026-01-01' }, late)).toBe(false);
    expect(isOverdue({ status: 'in_progress', dueDate: null }, late)).toBe(false);
    expect(isOverdue({ status: 'in_progress', dueDate: '2026-01-01' }, late)).toBe(true);
  });
});

describe('period figures', () => {
  it('takes the median of odd and even counts, and none of nothing', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('counts days between instants, across a clock change as real elapsed time', () => {
    expect(daysBetween('2026-10-20T10:00:00Z', '2026-10-27T10:00:00Z')).toBe(7);
  });
});
