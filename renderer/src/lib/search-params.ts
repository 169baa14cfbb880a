// The search form, its place in the address (`#/search?q=interpreter&group=…`) so that Back from
// an observation returns to the same results, and the request it becomes. Dates are whole days
// in Europe/London, the "to" day included. DOM-free, unit-tested.
import { SENTIMENT_LABELS, type RequestOf, type SentimentLabel } from '../../../ipc/contract';
import type { FieldError } from './field-ids';
import { dateErrors } from './date-parts';
import { compareDates, fromDateInput, periodToInstants, startOfLondonDayIso, addDays } from './london-dates';

export type SearchForm = {
  text: string;
  /** `YYYY-MM-DD` or '' */
  from: string;
  to: string;
  site: string;
  areaId: string;
  roundId: string;
  /** A tag key `frameworkId/tagId` from a theme framework, or '' */
  theme: string;
  /** A tag key from the equality groups, or '' */
  group: string;
  sentiment: SentimentLabel | '';
  /** Whose rounds: 'everyone', 'mine' or a contributor's key id (see WhoseRounds). */
  whose: string;
  page: number;
};

export const EMPTY_SEARCH: SearchForm = {
  text: '',
  from: '',
  to: '',
  site: '',
  areaId: '',
  roundId: '',
  theme: '',
  group: '',
  sentiment: '',
  whose: 'everyone',
  page: 1,
};

export const SEARCH_TEXT_MAX = 200;
export const PAGE_SIZE = 20;

const PARAMS = {
  text: 'q',
  from: 'from',
  to: 'to',
  site: 'site',
  areaId: 'area',
  roundId: 'round',
  theme: 'theme',
  group: 'group',
  sentiment: 'sentiment',
  whose: 'whose',
} as const satisfies Record<Exclude<keyof SearchForm, 'page'>, string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TAG_KEY = /^([a-z0-9-]{1,100})\/([a-z0-9-]{1,100})$/;
const WHOSE = /^(mine|[0-9a-f]{64})$/;

export function parseSearchQuery(query: string): SearchForm {
  const params = new URLSearchParams(query);
  const get = (name: string) => params.get(name) ?? '';
  const sentiment = SENTIMENT_LABELS.find((label) => label === get(PARAMS.sentiment)) ?? '';
  const page = Number.parseInt(get('page'), 10);
  return {
    text: get(PARAMS.text),
    from: get(PARAMS.from),
    to: get(PARAMS.to),
    site: get(PARAMS.site),
    // A hand-edited address must not turn into a request the app refuses; unknown ids are dropped.
    areaId: UUID.test(get(PARAMS.areaId)) ? get(PARAMS.areaId) : '',
    roundId: UUID.test(get(PARAMS.roundId)) ? get(PARAMS.roundId) : '',
    theme: TAG_KEY.test(get(PARAMS.theme)) ? get(PARAMS.theme) : '',
    group: TAG_KEY.test(get(PARAMS.group)) ? get(PARAMS.group) : '',
    sentiment,
    whose: WHOSE.test(get(PARAMS.whose)) ? get(PARAMS.whose) : 'everyone',
    page: Number.isSafeInteger(page) && page > 1 ? page : 1,
  };
}

/** URL parameters for the form, leaving out what is empty (and page 1). */
export function searchQuery(form: SearchForm): string {
  const params = new URLSearchParams();
  for (const [field, name] of Object.entries(PARAMS) as [keyof typeof PARAMS, string][]) {
    const value = form[field];
    if (value !== '' && !(field === 'whose' && value === 'everyone')) params.set(name, value);
  }
  if (form.page > 1) params.set('page', String(form.page));
  return params.toString();
}

export type SearchRequest = RequestOf<'search:observations'>;

function tagOf(key: string): { frameworkId: string; tagId: string } | null {
  const match = TAG_KEY.exec(key);
  return match?.[1] !== undefined && match[2] !== undefined
    ? { frameworkId: match[1], tagId: match[2] }
    : null;
}

/** Checks the form as a person would expect (real dates, in order) and builds the request. */
export function toSearchRequest(
  form: SearchForm,
): { ok: true; request: SearchRequest } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (form.text.length > SEARCH_TEXT_MAX) {
    errors.push({ field: 'text', message: `Search for ${SEARCH_TEXT_MAX} characters or fewer` });
  }
  const from = form.from === '' ? null : fromDateInput(form.from);
  const to = form.to === '' ? null : fromDateInput(form.to);
  errors.push(
    ...dateErrors([
      { field: 'from', value: form.from, name: 'The “From” date' },
      { field: 'to', value: form.to, name: 'The “To” date' },
    ]),
  );
  if (from !== null && to !== null && compareDates(from, to) > 0) {
    errors.push({ field: 'to', message: 'The “To” date must be the same as or after the “From” date' });
  }
  if (form.theme !== '' && form.group !== '') {
    errors.push({
      field: 'group',
      message: 'Choose a theme or an equality group, not both: search looks for one tag at a time',
    });
  }
  if (errors.length > 0) return { ok: false, errors };

  const period =
    from !== null && to !== null
      ? periodToInstants(from, to)
      : {
          from: from === null ? null : startOfLondonDayIso(from),
          to: to === null ? null : startOfLondonDayIso(addDays(to, 1)),
        };
  return {
    ok: true,
    request: {
      text: form.text,
      from: period.from,
      to: period.to,
      site: form.site === '' ? null : form.site,
      areaId: form.areaId === '' ? null : form.areaId,
      roundId: form.roundId === '' ? null : form.roundId,
      tag: tagOf(form.theme !== '' ? form.theme : form.group),
      sentiment: form.sentiment === '' ? null : form.sentiment,
      whose: form.whose,
      limit: PAGE_SIZE,
      offset: (form.page - 1) * PAGE_SIZE,
    },
  };
}
