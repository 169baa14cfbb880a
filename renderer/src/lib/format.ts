// Dates as people at the trust read them (en-GB, local time) and as the contract wants them
// (ISO 8601 with the local offset, so "09:30 on the ward" stays 09:30 whatever the clock
// change).
import { firstWords } from '../../../domain/first-words';

const pad = (n: number) => String(n).padStart(2, '0');

/** Values for `<input type="date">` and `<input type="time">` in local time. */
export function toDateAndTimeInputs(date: Date): { date: string; time: string } {
  return {
    date: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`,
    time: `${pad(date.getHours())}:${pad(date.getMinutes())}`,
  };
}

/**
 * Turns the date and time inputs into an ISO string with the local offset of that moment, e.g.
 * `2025-11-26T09:30:00+00:00`. Returns null when either input is not a real date or time.
 */
export function localInputsToIso(dateValue: string, timeValue: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateValue);
  const t = /^(\d{2}):(\d{2})$/.exec(timeValue);
  if (!d || !t) return null;
  const [year, month, day, hours, minutes] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const local = new Date(year, month - 1, day, hours, minutes, 0, 0);
  // Rejects 31 February and 25:00, which the Date constructor would silently roll over.
  if (
    local.getFullYear() !== year ||
    local.getMonth() !== month - 1 ||
    local.getDate() !== day ||
    local.getHours() !== hours ||
    local.getMinutes() !== minutes
  ) {
    return null;
  }
  const offsetMinutes = -local.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${dateValue}T${timeValue}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** "26 November 2025" */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** "09:41" */
export function formatTime(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return Number.isNaN(date.getTime()) ? String(iso) : timeFormat.format(date);
}

/** "26 November 2025 at 09:41" */
export function formatDateTime(iso: string): string {
  return `${formatDate(iso)} at ${formatTime(iso)}`;
}

/** "1,254": counts over 999 with commas, as the NHS style guide writes numbers. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-GB');
}

/** "1 observation", "1,254 observations" */
export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** "10:20, “The ward was calm, and the…”": an observation named so no two read alike. */
export function observationName(observation: { capturedAt: string; text: string }): string {
  return `${formatTime(observation.capturedAt)}, “${firstWords(observation.text)}”`;
}
