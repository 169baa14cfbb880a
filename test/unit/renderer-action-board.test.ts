import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from '../../renderer/src/lib/routes';
import {
  describeMedianDays,
  formatDueDate,
  nextSteps,
  pageField,
} from '../../renderer/src/pages/actions/action-labels';
import { changesFrom, draftOf } from '../../renderer/src/pages/actions/action-draft';
import {
  BOARD_PAGE_SIZE,
  boardQuery,
  emptyBoardText,
  NO_FILTERS,
  parseBoardQuery,
  toListRequest,
} from '../../renderer/src/pages/actions/board-params';

const AREA = '0b7e7c1e-5d1a-4c4e-9a57-6a3f4bfae0a1';

describe('an empty board', () => {
  it('says how to raise an action when no filter is set, and that none matches when one is', () => {
    expect(emptyBoardText(NO_FILTERS)).toMatch(/^No actions have been raised yet\. .*“Needs follow-up”/);
    // Only the page differs from the plain board: still no filter.
    expect(emptyBoardText({ ...NO_FILTERS, page: 3 })).toMatch(/^No actions have been raised yet/);
    expect(emptyBoardText({ ...NO_FILTERS, overdue: true })).toBe('No actions match these filters.');
    expect(emptyBoardText({ ...NO_FILTERS, owner: 'Sam' })).toBe('No actions match these filters.');
  });
});

describe('the actions board in the address', () => {
  it('keeps the plain board as plain #/actions', () => {
    expect(boardQuery(NO_FILTERS)).toBe('');
    expect(hrefFor({ name: 'actions', query: '' })).toBe('#/actions');
  });

  it('round-trips every filter and the page', () => {
    const filters = {
      status: 'in_progress' as const,
      areaId: AREA,
      owner: 'Sam',
      theme: 'key-themes:access',
      overdue: true,
      whose: 'ab'.repeat(32),
      page: 3,
    };
    expect(parseBoardQuery(boardQuery(filters))).toEqual(filters);
    expect(parseBoardQuery(boardQuery({ ...filters, whose: 'mine' })).whose).toBe('mine');
    expect(toListRequest(filters).whose).toBe(filters.whose);
  });

  it('ignores a made-up status, a bad area id and a page below one', () => {
    expect(parseBoardQuery('status=closed&area=not%20an%20id&page=0&whose=theirs')).toEqual(NO_FILTERS);
  });

  it('asks for the right page, sorted by due date', () => {
    const request = toListRequest({ ...NO_FILTERS, page: 2, overdue: true, theme: 'f:t' });
    expect(request).toMatchObject({
      sort: 'due_date',
      overdue: true,
      tag: { frameworkId: 'f', tagId: 't' },
      limit: BOARD_PAGE_SIZE,
      offset: BOARD_PAGE_SIZE,
    });
    expect(toListRequest(NO_FILTERS).tag).toBeNull();
  });

  it('routes #/actions/<id> to the action page', () => {
    expect(parseRoute(`#/actions/${AREA.toUpperCase()}`)).toEqual({ name: 'action', actionId: AREA });
    expect(hrefFor({ name: 'action', actionId: AREA })).toBe(`#/actions/${AREA}`);
  });
});

describe('the status moves an action page offers', () => {
  it('never offers "fed back" before the action is done', () => {
    expect(nextSteps('open').map((s) => s.status)).toEqual(['in_progress', 'done']);
    expect(nextSteps('in_progress').map((s) => s.status)).toEqual(['open', 'done']);
  });

  it('marks every move back, so the page asks for a reason', () => {
    expect(nextSteps('done')).toEqual([
      { status: 'open', backwards: true },
      { status: 'in_progress', backwards: true },
      { status: 'fed_back', backwards: false },
    ]);
    expect(nextSteps('fed_back').every((s) => s.backwards)).toBe(true);
  });

  it('links an update refusal to the field without its "changes." prefix', () => {
    expect(pageField('changes.dueDate')).toBe('dueDate');
    expect(pageField('ownerName')).toBe('ownerName');
    expect(pageField(undefined)).toBe('status');
  });
});

describe('dates and figures in words', () => {
  it('shows a due date as the calendar day it names, whatever the zone', () => {
    expect(formatDueDate('2026-03-29')).toBe('29 March 2026');
  });

  it('says the median from said to fed back in plain words', () => {
    expect(describeMedianDays(null)).toMatch(/no typical time/);
    expect(describeMedianDays(0.2)).toMatch(/less than a day/);
    expect(describeMedianDays(1)).toMatch(/told 1 day after/);
    expect(describeMedianDays(3.4)).toMatch(/told 3 and a half days after/);
  });
});

describe('saving an action page', () => {
  const action = {
    willDo: '',
    ownerName: 'Priya Shah',
    ownerRole: 'Ward manager',
    areaId: AREA,
    dueDate: '2026-12-01',
    evidence: '',
  } as Parameters<typeof draftOf>[0];

  it('sends only what changed, so an empty "what we will do" is not sent back', () => {
    expect(changesFrom(action, draftOf(action))).toBeNull();
    expect(changesFrom(action, { ...draftOf(action), ownerRole: 'Matron' })).toEqual({ ownerRole: 'Matron' });
  });

  it('keeps a due date that is still being typed on the page, and sends it once it is a real date', () => {
    expect(changesFrom(action, { ...draftOf(action), dueDate: '31/1/' })).toBeNull();
    expect(changesFrom(action, { ...draftOf(action), dueDate: '31/2/2027' })).toBeNull();
    expect(changesFrom(action, { ...draftOf(action), dueDate: '2027-01-31' })).toEqual({
      dueDate: '2027-01-31',
    });
  });

  it('moves the action to another area, or to none', () => {
    const other = '0b7e7c1e-5d1a-4c4e-9a57-6a3f4bfae0a2';
    expect(changesFrom(action, { ...draftOf(action), areaId: other })).toEqual({ areaId: other });
    expect(changesFrom(action, { ...draftOf(action), areaId: '' })).toEqual({ areaId: null });
    expect(changesFrom(action, { ...draftOf(action), dueDate: '' })).toEqual({ dueDate: null });
  });
});
