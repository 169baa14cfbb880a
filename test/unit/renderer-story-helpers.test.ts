import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, routeKey } from '../../renderer/src/lib/routes';
import { reviewDateFor } from '../../renderer/src/pages/stories/consent-dates';
import { savedFieldError } from '../../renderer/src/pages/stories/field-errors';
import { highlightSegments } from '../../renderer/src/lib/highlight-segments';
import {
  filterFromQuery,
  listRequestFor,
  queryForFilter,
} from '../../renderer/src/pages/stories/story-filter';

describe('story routes', () => {
  it('reads and writes the list, a filter, a new story and a story', () => {
    expect(parseRoute('#/stories?status=approved')).toEqual({ name: 'stories', query: 'status=approved' });
    expect(parseRoute('#/stories/new')).toEqual({ name: 'new-story' });
    const id = 'ab12cd34-0000-4000-8000-000000000001';
    expect(parseRoute(`#/stories/${id.toUpperCase()}`)).toEqual({ name: 'story', storyId: id });
    expect(hrefFor({ name: 'story', storyId: id })).toBe(`#/stories/${id}`);
    expect(routeKey({ name: 'story', storyId: id })).not.toBe(routeKey({ name: 'story', storyId: 'ff' }));
  });

  it('keeps withdrawn stories out unless the withdrawn filter is chosen', () => {
    expect(listRequestFor(filterFromQuery(''))).toEqual({ status: null });
    expect(listRequestFor(filterFromQuery('status=withdrawn'))).toEqual({ status: 'withdrawn' });
    expect(filterFromQuery('status=nonsense')).toBe('all');
    expect(queryForFilter('approved')).toBe('status=approved');
  });
});

describe('marks in the story preview', () => {
  const text = 'Mrs Patel lives near SW3 6JJ.';
  it('marks each finding where its words are', () => {
    const segments = highlightSegments(text, [
      { start: 21, end: 28, text: 'SW3 6JJ', label: 'A postcode', tone: 'undecided' },
      { start: 0, end: 9, text: 'Mrs Patel', label: 'A name', tone: 'kept' },
    ]);
    expect(segments.map((s) => [s.text, s.mark?.tone ?? null])).toEqual([
      ['Mrs Patel', 'kept'],
      [' lives near ', null],
      ['SW3 6JJ', 'undecided'],
      ['.', null],
    ]);
  });

  it('never marks words that are not the finding (a report on an older text)', () => {
    const segments = highlightSegments(text, [
      { start: 0, end: 9, text: 'Ms Jones', label: 'A name', tone: 'undecided' },
    ]);
    expect(segments).toEqual([{ text, mark: null }]);
  });
});

describe('the consent review date', () => {
  it('defaults to 24 months after consent, on the last day of a shorter month', () => {
    expect(reviewDateFor('2025-01-10')).toBe('2027-01-10');
    expect(reviewDateFor('2024-02-29')).toBe('2026-02-28');
    expect(reviewDateFor('2025-01')).toBeNull();
  });
});

describe('a refused autosave', () => {
  it('is shown on the field the editor has, not the path inside the update request', () => {
    const message = 'The narrative must be 1 MB or less; this one is 1.2 MB.';
    expect(savedFieldError({ kind: 'validation', field: 'changes.narrative', message })).toEqual({
      field: 'narrative',
      message,
    });
    expect(savedFieldError({ kind: 'validation', field: 'changes.quotes.0.text', message })?.field).toBe(
      'quotes.0.text',
    );
    expect(savedFieldError({ kind: 'storage', message: 'The disk is full' })).toBeNull();
  });
});
