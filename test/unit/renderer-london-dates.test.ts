import { describe, expect, it } from 'vitest';
import {
  currentQuarterForm,
  insightsQuery,
  parseInsightsQuery,
  toInsightsRequest,
} from '../../renderer/src/lib/insights-params';
import {
  formatPeriod,
  fromDateInput,
  londonDateOf,
  periodToInstants,
  quarterContaining,
  startOfLondonDayIso,
} from '../../renderer/src/lib/london-dates';

describe('days and quarters in Europe/London', () => {
  it('starts a winter day at +00:00 and a summer day at +01:00, whatever the machine’s zone', () => {
    expect(startOfLondonDayIso({ year: 2025, month: 1, day: 15 })).toBe('2025-01-15T00:00:00+00:00');
    expect(startOfLondonDayIso({ year: 2025, month: 7, day: 1 })).toBe('2025-07-01T00:00:00+01:00');
    // The days the clocks change: midnight is still on the old offset.
    expect(startOfLondonDayIso({ year: 2025, month: 3, day: 30 })).toBe('2025-03-30T00:00:00+00:00');
    expect(startOfLondonDayIso({ year: 2025, month: 10, day: 26 })).toBe('2025-10-26T00:00:00+01:00');
  });

  it('reads the London date of an instant, which differs from UTC late on a summer evening', () => {
    expect(londonDateOf(new Date('2025-06-30T23:30:00Z'))).toEqual({ year: 2025, month: 7, day: 1 });
    expect(londonDateOf(new Date('2025-12-31T23:30:00Z'))).toEqual({ year: 2025, month: 12, day: 31 });
  });

  it('finds the quarter a date falls in, including the one that ends the year', () => {
    expect(quarterContaining({ year: 2025, month: 11, day: 26 })).toEqual({
      first: { year: 2025, month: 10, day: 1 },
      last: { year: 2025, month: 12, day: 31 },
    });
    expect(quarterContaining({ year: 2024, month: 2, day: 29 })).toEqual({
      first: { year: 2024, month: 1, day: 1 },
      last: { year: 2024, month: 3, day: 31 },
    });
  });

  it('sends a period of whole days as half-open instants across the October clock change', () => {
    expect(periodToInstants({ year: 2025, month: 10, day: 1 }, { year: 2025, month: 12, day: 31 })).toEqual({
      from: '2025-10-01T00:00:00+01:00',
      to: '2026-01-01T00:00:00+00:00',
    });
  });

  it('refuses dates that do not exist and words the period as people say it', () => {
    expect(fromDateInput('2025-02-29')).toBeNull();
    expect(fromDateInput('')).toBeNull();
    expect(fromDateInput('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(formatPeriod({ year: 2025, month: 10, day: 1 }, { year: 2025, month: 12, day: 31 })).toBe(
      '1 October to 31 December 2025',
    );
    expect(formatPeriod({ year: 2025, month: 12, day: 1 }, { year: 2026, month: 1, day: 31 })).toBe(
      '1 December 2025 to 31 January 2026',
    );
  });
});

describe('the insights period', () => {
  const now = new Date('2025-11-26T10:00:00Z');

  it('defaults to the current quarter, and keeps a period given in the address', () => {
    expect(currentQuarterForm(now)).toEqual({ from: '2025-10-01', to: '2025-12-31', site: '' });
    expect(parseInsightsQuery('', now)).toEqual({ from: '2025-10-01', to: '2025-12-31', site: '' });
    expect(parseInsightsQuery('from=2025-04-01&to=2025-06-30&site=Sutton', now)).toEqual({
      from: '2025-04-01',
      to: '2025-06-30',
      site: 'Sutton',
    });
  });

  it('keeps whose rounds in the address only when it is not everyone’s, and sends it', () => {
    const key = 'a'.repeat(64);
    const form = { from: '2025-04-01', to: '2025-06-30', site: '', whose: key };
    expect(insightsQuery(form)).toBe(`from=2025-04-01&to=2025-06-30&whose=${key}`);
    expect(parseInsightsQuery(insightsQuery(form), now)).toEqual(form);
    expect(insightsQuery({ ...form, whose: 'everyone' })).toBe('from=2025-04-01&to=2025-06-30');
    expect(toInsightsRequest(form)).toMatchObject({ ok: true, request: { whose: key } });
    expect(toInsightsRequest({ ...form, whose: 'everyone' })).not.toMatchObject({
      request: { whose: 'everyone' },
    });
  });

  it('turns the period into the request, and explains a period that ends before it starts', () => {
    const ok = toInsightsRequest({ from: '2025-04-01', to: '2025-06-30', site: 'Sutton' });
    expect(ok).toMatchObject({
      ok: true,
      request: { from: '2025-04-01T00:00:00+01:00', to: '2025-07-01T00:00:00+01:00', site: 'Sutton' },
    });
    const backwards = toInsightsRequest({ from: '2025-06-30', to: '2025-04-01', site: '' });
    expect(backwards).toEqual({
      ok: false,
      errors: [{ field: 'to', message: 'The end of the period must be the same as or after its start' }],
    });
    expect(toInsightsRequest({ from: 'soon', to: '2025-04-01', site: '' })).toMatchObject({
      ok: false,
      errors: [{ field: 'from' }],
    });
  });
});
