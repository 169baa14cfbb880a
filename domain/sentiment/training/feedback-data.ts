// The labelled Friends and Family Test comments in data/patient-feedback (see its README):
// read, split into their sources (one trust each), and mapped onto the model's three classes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelClass } from '../sentiment-model';

export const FEEDBACK_FOLDER = join(import.meta.dirname, '..', '..', '..', 'data', 'patient-feedback');

/** One comment as labelled: the ambulance trust's 1–5 score, or a 2020 trust's -5..5 criticality. */
export type FeedbackRow = {
  text: string;
  source: string;
  scheme: 'score' | 'criticality';
  value: number;
  /**
   * The survey question the comment answers, where its file says (the ambulance trust's only).
   * For the evaluation's breakdown, never a feature: no 2020 trust records its question, so no
   * training trust could teach what a question means, and the ambulance file's column often
   * disagrees with the answer ("Because for once it was on time" under "How could we improve?").
   */
  question?: string;
};

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

function readTable(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(join(FEEDBACK_FOLDER, file), 'utf8'));
  if (!header) throw new Error(`${file} is empty`);
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}

export const AMBULANCE_SOURCE = 'Ambulance trust 2023';

export function readFeedback(): FeedbackRow[] {
  const ambulance = readTable('fft-2023-ambulance.csv').map((r): FeedbackRow => ({
    text: r.text ?? '',
    source: AMBULANCE_SOURCE,
    scheme: 'score',
    value: Number(r.sentiment_score),
    question: (r.question ?? '').replace(/\s+/g, ' ').trim(),
  }));
  const phase1 = readTable('fft-2020-phase1.csv').map((r): FeedbackRow => ({
    text: r.text ?? '',
    source: `${r.organisation} 2020`,
    scheme: 'criticality',
    value: Number(r.criticality),
  }));
  return [...ambulance, ...phase1];
}

export function sourcesOf(rows: readonly FeedbackRow[]): string[] {
  return [...new Set(rows.map((r) => r.source))];
}

/**
 * How a 2020 criticality becomes a class, or null to leave the comment out. The ambulance
 * score always maps as its labellers defined it: 1–2 positive, 3 neutral or mixed, 4–5 negative.
 */
export type CriticalityMapping = { name: string; classify: (criticality: number) => ModelClass | null };

const sign = (c: number): ModelClass => (c > 0 ? 'positive' : 'negative');

export const CRITICALITY_MAPPINGS: readonly CriticalityMapping[] = [
  // The published sign, 0 as neutral.
  { name: 'sign, 0 neutral', classify: (c) => (c === 0 ? 'neutral' : sign(c)) },
  // 0 is nearly all one trust's, and mostly praise: unlabelled rather than neutral.
  { name: 'sign, 0 left out', classify: (c) => (c === 0 ? null : sign(c)) },
  // A mild remark either way ("TV please", "Good care") is what the ambulance labellers called 3.
  {
    name: '±1 neutral, 0 left out',
    classify: (c) => (c === 0 ? null : Math.abs(c) === 1 ? 'neutral' : sign(c)),
  },
  // As above, but a mild criticism (-1: "Temperature in theatre a little low") is criticism: the
  // ambulance labellers scored a plain suggestion ("Arrive sooner") 4, negative.
  {
    name: '+1 neutral, -1 criticism, 0 left out',
    classify: (c) => (c === 0 ? null : c === 1 ? 'neutral' : sign(c)),
  },
  // Only the confident 2020 labels.
  { name: '|c| ≥ 2 only', classify: (c) => (Math.abs(c) < 2 ? null : sign(c)) },
  { name: 'none (ambulance only)', classify: () => null },
];

export function classOf(row: FeedbackRow, mapping: CriticalityMapping): ModelClass | null {
  if (row.scheme === 'score') return row.value <= 2 ? 'positive' : row.value === 3 ? 'neutral' : 'negative';
  return mapping.classify(row.value);
}
