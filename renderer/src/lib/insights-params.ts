// The insights screen's period and site, kept in the address like a search. Without one the
// period is the current quarter in Europe/London. DOM-free, unit-tested.
import { dateErrors } from './date-parts';
import type { RequestOf } from '../../../ipc/contract';
import type { FieldError } from './field-ids';
import {
  compareDates,
  fromDateInput,
  londonDateOf,
  periodToInstants,
  quarterContaining,
  toDateInput,
  type CalendarDate,
} from './london-dates';

/** `whose`: 'everyone' (own and imported rounds) unless a person chose 'mine' or a contributor's key id. */
export type InsightsForm = { from: string; to: string; site: string; whose?: string };

export function currentQuarterForm(now: Date): InsightsForm {
  const { first, last } = quarterContaining(londonDateOf(now));
  return { from: toDateInput(first), to: toDateInput(last), site: '' };
}

export function parseInsightsQuery(query: string, now: Date): InsightsForm {
  const params = new URLSearchParams(query);
  const fallback = currentQuarterForm(now);
  return {
    from: params.get('from') ?? fallback.from,
    to: params.get('to') ?? fallback.to,
    site: params.get('site') ?? '',
    ...(params.get('whose') ? { whose: params.get('whose') ?? 'everyone' } : {}),
  };
}

export function insightsQuery(form: InsightsForm): string {
  const params = new URLSearchParams({ from: form.from, to: form.to });
  if (form.site !== '') params.set('site', form.site);
  if (form.whose !== undefined && form.whose !== 'everyone') params.set('whose', form.whose);
  return params.toString();
}

export type InsightsPeriod = { first: CalendarDate; last: CalendarDate };

export function toInsightsRequest(
  form: InsightsForm,
):
  | { ok: true; request: RequestOf<'insights:get'>; period: InsightsPeriod }
  | { ok: false; errors: FieldError[] } {
  const first = fromDateInput(form.from);
  const last = fromDateInput(form.to);
  const errors: FieldError[] = dateErrors([
    {
      field: 'from',
      value: form.from,
      name: 'The start of the period',
      required: 'Enter the start of the period',
    },
    { field: 'to', value: form.to, name: 'The end of the period', required: 'Enter the end of the period' },
  ]);
  if (first !== null && last !== null && compareDates(first, last) > 0) {
    errors.push({ field: 'to', message: 'The end of the period must be the same as or after its start' });
  }
  if (first === null || last === null || errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: {
      ...periodToInstants(first, last),
      site: form.site === '' ? null : form.site,
      ...(form.whose !== undefined && form.whose !== 'everyone' ? { whose: form.whose } : {}),
    },
    period: { first, last },
  };
}
