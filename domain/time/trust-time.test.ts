import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDateIn,
  endOfDayIn,
  isCalendarDate,
  startOfDayIn,
  zoneOffsetMinutes,
} from './trust-time';

describe('trust calendar dates', () => {
  it('knows real calendar dates from lookalikes', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26/11/2026')).toBe(false);
  });

  it('reads London’s offset in winter and summer', () => {
    expect(zoneOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'Europe/London')).toBe(0);
    expect(zoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'Europe/London')).toBe(60);
    expect(zoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('starts a London day at local midnight, whatever the season', () => {
    expect(startOfDayIn('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(startOfDayIn('2026-07-15').toISOString()).toBe('2026-07-14T23:00:00.000Z');
  });

  it('ends the days of the clock changes at the right instant', () => {
    // Clocks go forward at 01:00 on Sunday 29 March 2026: that day has 23 hours.
    expect(endOfDayIn('2026-03-29').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(endOfDayIn('2026-03-28').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    // Clocks go back at 02:00 on Sunday 25 October 2026: that day has 25 hours.
    expect(endOfDayIn('2026-10-25').toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect(endOfDayIn('2026-10-24').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(endOfDayIn('2026-10-25').getTime() - startOfDayIn('2026-10-25').getTime()).toBe(25 * 3600_000);
    expect(endOfDayIn('2026-03-29').getTime() - startOfDayIn('2026-03-29').getTime()).toBe(23 * 3600_000);
  });

  it('names the London date of an instant, not the laptop’s', () => {
    expect(calendarDateIn(new Date('2026-07-14T23:30:00Z'))).toBe('2026-07-15');
    expect(calendarDateIn(new Date('2026-01-14T23:30:00Z'))).toBe('2026-01-14');
    expect(calendarDateIn(new Date('2026-07-14T23:30:00Z'), 'America/New_York')).toBe('2026-07-14');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
