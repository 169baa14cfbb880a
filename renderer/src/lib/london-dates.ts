// Calendar dates as the trust counts them: days and quarters in Europe/London, whatever the
// laptop's own time zone says, turned into the ISO instants (with their offset) the contract
// wants. A period "1 October to 31 December" runs from midnight on 1 October, London time, to
// midnight at the start of 1 January, across the October clock change. DOM-free.

import { TRUST_TIME_ZONE as ZONE } from '../../../ipc/vocabulary';

export type CalendarDate = { year: number; month: number; day: number };

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function londonParts(instant: Date): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of wallClock.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** The calendar date in London at that instant. */
export function londonDateOf(instant: Date): CalendarDate {
  const p = londonParts(instant);
  return { year: p.year ?? 1970, month: p.month ?? 1, day: p.day ?? 1 };
}

/** Minutes London is ahead of UTC at that instant: 0 in winter, 60 in summer. */
export function londonOffsetMinutes(instant: Date): number {
  const p = londonParts(instant);
  const wall = Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD`, as `<input type="date">` reads and writes it. */
export function toDateInput(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** Reads `YYYY-MM-DD`; null for anything that is not a real date (31 February, an empty box). */
export function fromDateInput(value: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Midnight at the start of that day in London, e.g. `2025-07-01T00:00:00+01:00`. */
export function startOfLondonDayIso(date: CalendarDate): string {
  const asIfUtc = Date.UTC(date.year, date.month - 1, date.day);
  // The offset at the guess is right except within an hour of a clock change; one correction
  // settles it (London changes its clocks at 01:00 UTC, never at midnight).
  let offset = londonOffsetMinutes(new Date(asIfUtc));
  const corrected = londonOffsetMinutes(new Date(asIfUtc - offset * 60_000));
  if (corrected !== offset) offset = corrected;
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${toDateInput(date)}T00:00:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A period of whole days, first and last day included, as the contract's half-open instants. */
export function periodToInstants(first: CalendarDate, last: CalendarDate): { from: string; to: string } {
  return { from: startOfLondonDayIso(first), to: startOfLondonDayIso(addDays(last, 1)) };
}

/** The calendar quarter (January–March, April–June, …) that the date falls in. NHS financial
 *  quarters start on the same days, so the period is the same whichever one a reader counts. */
export function quarterContaining(date: CalendarDate): { first: CalendarDate; last: CalendarDate } {
  const firstMonth = Math.floor((date.month - 1) / 3) * 3 + 1;
  const first = { year: date.year, month: firstMonth, day: 1 };
  const nextQuarter =
    firstMonth === 10
      ? { year: date.year + 1, month: 1, day: 1 }
      : { year: date.year, month: firstMonth + 3, day: 1 };
  return { first, last: addDays(nextQuarter, -1) };
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "1 October 2025" */
export function formatCalendarDate(date: CalendarDate): string {
  return longDate.format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
}

/** "1 October to 31 December 2025", or with both years when the period crosses a new year. */
export function formatPeriod(first: CalendarDate, last: CalendarDate): string {
  if (first.year === last.year) {
    const start = formatCalendarDate(first).replace(/ \d{4}$/, '');
    return `${start} to ${formatCalendarDate(last)}`;
  }
  return `${formatCalendarDate(first)} to ${formatCalendarDate(last)}`;
}
