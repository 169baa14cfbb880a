// A date typed as day, month and year boxes (the GOV.UK date input), held by a form as one string:
// "YYYY-MM-DD" once the boxes make a real date, '' when all three are empty, and otherwise what was
// typed as "day/month/year", so a half-typed date is neither lost nor sent as if it were a date.
// The messages follow the GOV.UK pattern: they say which part is missing or why it is not a date.
// DOM-free.
import { MONTH_NAMES } from '../../../domain/personal-data/detect-dates';

export type DatePart = 'day' | 'month' | 'year';
export type DateParts = Record<DatePart, string>;
export type DateProblem = { message: string; parts: DatePart[] };

export const EMPTY_DATE_PARTS: DateParts = { day: '', month: '', year: '' };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The boxes for a form's value: an ISO date's numbers, or the parts as they were typed. */
export function partsOf(value: string): DateParts {
  const iso = ISO.exec(value);
  if (iso !== null) {
    return { day: String(Number(iso[3])), month: String(Number(iso[2])), year: iso[1] ?? '' };
  }
  if (value === '') return EMPTY_DATE_PARTS;
  const [day = '', month = '', year = ''] = value.split('/');
  return { day, month, year };
}

/** The form's value for the boxes: ISO when they make a real date, '' when empty, else as typed. */
export function valueOfParts(parts: DateParts): string {
  const clean = {
    day: parts.day.replaceAll('/', ' ').trim(),
    month: parts.month.replaceAll('/', ' ').trim(),
    year: parts.year.replaceAll('/', ' ').trim(),
  };
  if (clean.day === '' && clean.month === '' && clean.year === '') return '';
  const date = realDate(clean);
  return date ?? `${clean.day}/${clean.month}/${clean.year}`;
}

/** True when the value is a complete, real date ("YYYY-MM-DD"). */
export function isRealDateValue(value: string): boolean {
  return ISO.test(value) && realDate(partsOf(value)) === value;
}

/**
 * A whole date typed or pasted into one box ("31/1/2027", "31-01-2027", "31 1 2027" or "31012027"),
 * spread over the three boxes; null when the text is not a whole date.
 */
export function spreadDate(text: string): DateParts | null {
  const trimmed = text.trim();
  const separated = /^(\d{1,2})[/.\- ]+(\d{1,2}|[A-Za-z]{3,9})[/.\- ]+(\d{4})$/.exec(trimmed);
  if (separated !== null) {
    return { day: separated[1] ?? '', month: separated[2] ?? '', year: separated[3] ?? '' };
  }
  const run = /^(\d{2})(\d{2})(\d{4})$/.exec(trimmed);
  if (run !== null) return { day: run[1] ?? '', month: run[2] ?? '', year: run[3] ?? '' };
  return null;
}

/** A month as a number 1–12, from digits or its name ("Jan", "january"); null otherwise. */
function monthNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) {
    const month = Number(text);
    return month >= 1 && month <= 12 ? month : null;
  }
  const lower = text.toLowerCase();
  if (lower.length < 3) return null;
  const index = MONTH_NAMES.findIndex((name) => name.startsWith(lower));
  return index === -1 ? null : index + 1;
}

function realDate(parts: DateParts): string | null {
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{4}$/.test(parts.year)) return null;
  const month = monthNumber(parts.month);
  if (month === null) return null;
  const day = Number(parts.day);
  const year = Number(parts.year);
  if (year < 1000) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC treats years 0–99 as 1900–1999; four digits are required above, so only a day past
  // the end of the month rolls over, and that is what this comparison catches.
  if (day < 1 || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${parts.year}-${pad(month)}-${pad(day)}`;
}

const missingWords = (parts: DatePart[]) =>
  parts.length === 1 ? `a ${parts[0]}` : `a ${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;

type ProblemOptions = {
  /** The message when all three boxes are empty ("Enter the due date"); omit when it is optional. */
  required?: string;
};

/**
 * What is wrong with a typed date, as GOV.UK words it, and which boxes are wrong; null when it is a
 * real date, or empty and optional. `name` starts the sentence: "Due date must include a year".
 */
export function dateProblem(value: string, name: string, options: ProblemOptions = {}): DateProblem | null {
  if (value === '') {
    return options.required === undefined
      ? null
      : { message: options.required, parts: ['day', 'month', 'year'] };
  }
  if (isRealDateValue(value)) return null;
  const parts = partsOf(value);
  const missing = (['day', 'month', 'year'] as const).filter((part) => parts[part].trim() === '');
  if (missing.length > 0) return { message: `${name} must include ${missingWords(missing)}`, parts: missing };
  if (/^\d+$/.test(parts.year.trim()) && parts.year.trim().length !== 4) {
    return { message: 'Year must include 4 numbers', parts: ['year'] };
  }
  const wrong: DatePart[] = [];
  if (!/^\d{1,2}$/.test(parts.day.trim()) || Number(parts.day) < 1 || Number(parts.day) > 31)
    wrong.push('day');
  if (monthNumber(parts.month.trim()) === null) wrong.push('month');
  if (!/^\d{4}$/.test(parts.year.trim())) wrong.push('year');
  return {
    message: `${name} must be a real date`,
    parts: wrong.length === 0 ? ['day', 'month', 'year'] : wrong,
  };
}

export type DateCheck = { field: string; value: string; name: string } & ProblemOptions;

/** The errors of a form's dates, field by field, for its error summary; empty when all are fine. */
export function dateErrors(checks: readonly DateCheck[]): { field: string; message: string }[] {
  return checks.flatMap((check) => {
    const problem = dateProblem(check.value, check.name, check);
    return problem === null ? [] : [{ field: check.field, message: problem.message }];
  });
}
