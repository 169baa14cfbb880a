// Calendar dates in the trust's own time zone. A due date is a day on the trust's calendar
// ("by Friday 27 March"), not an instant, so whether it has passed must not depend on the zone
// of the laptop that asks (a governor abroad) nor slip by an hour at the clock changes.
// Pure: Intl only, so the renderer can use it too.

import { TRUST_TIME_ZONE } from '../../ipc/vocabulary';

export { TRUST_TIME_ZONE };

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

// Building an Intl formatter costs far more than using one, and boards format a date per row.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'clock' | 'date', zone: string): Intl.DateTimeFormat {
  const key = `${kind}:${zone}`;
  let found = formatters.get(key);
  if (!found) {
    found =
      kind === 'clock'
        ? new Intl.DateTimeFormat('en-GB', {
            timeZone: zone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
          })
        : new Intl.DateTimeFormat('en-CA', {
            timeZone: zone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
          });
    formatters.set(key, found);
  }
  return found;
}

/** The offset of `zone` from UTC at `instant`, in minutes (60 for London in summer). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const parts = formatter('clock', zone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant at which `date` (YYYY-MM-DD) begins on the clocks of `zone`. */
export function startOfDayIn(date: string, zone = TRUST_TIME_ZONE): Date {
  if (!isCalendarDate(date)) throw new Error(`Not a calendar date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  // Midnight is never inside a UK clock change (they happen at 01:00 and 02:00), so one
  // correction by the offset at that moment lands exactly.
  const guess = new Date(utcMidnight - zoneOffsetMinutes(new Date(utcMidnight), zone) * 60_000);
  return new Date(utcMidnight - zoneOffsetMinutes(guess, zone) * 60_000);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The calendar date in `zone` at `instant`. */
export function calendarDateIn(instant: Date, zone = TRUST_TIME_ZONE): string {
  return formatter('date', zone).format(instant);
}

/** The first instant after `date` has ended in `zone`: the start of the next day there. */
export function endOfDayIn(date: string, zone = TRUST_TIME_ZONE): Date {
  return startOfDayIn(addDays(date, 1), zone);
}
