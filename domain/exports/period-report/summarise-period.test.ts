import { describe, expect, it } from 'vitest';
import { generatedPeriodInput } from '../fixtures/sample-documents';
import type { PeriodObservationInput, PeriodReportInput } from './period-report-model';
import { summarisePeriod } from './summarise-period';

const KEY = 'c'.repeat(64);

const observation = (overrides: Partial<PeriodObservationInput>): PeriodObservationInput => ({
  date: '2025-10-10',
  area: 'Oak Ward',
  kind: 'heard',
  source: 'patient',
  text: 'The ward was calm.',
  themes: ['Access'],
  sentiment: 'positive',
  equalityGroups: [],
  mayBeQuoted: false,
  ...overrides,
});

function input(overrides: Partial<PeriodReportInput>): PeriodReportInput {
  return {
    ...generatedPeriodInput(KEY, 0),
    rounds: [],
    observations: [],
    actions: [],
    stories: [],
    ...overrides,
  };
}

describe('summarisePeriod', () => {
  it('counts the laptops whose rounds it covers and names the contributors of imported ones, each once', () => {
    const model = summarisePeriod(
      input({
        rounds: [
          { date: '2025-10-10', areas: ['Oak Ward'], laptop: null, contributor: null },
          { date: '2025-10-11', areas: ['Oak Ward'], laptop: 'k1', contributor: 'Bola Ade' },
          { date: '2025-10-12', areas: ['Day Unit'], laptop: 'k1', contributor: 'Bola Ade' },
          { date: '2025-10-13', areas: ['Day Unit'], laptop: 'k2', contributor: 'Alice Green' },
        ],
      }),
    );
    expect(model.totals.rounds).toBe(4);
    expect(model.coverage).toEqual({ laptops: 3, contributors: ['Alice Green', 'Bola Ade'] });
  });

  it('counts rounds, areas, themes by sentiment (each theme an observation has) and quotes', () => {
    const model = summarisePeriod(
      input({
        rounds: [
          { date: '2025-10-10', areas: ['Oak Ward', 'Day Unit'] },
          { date: '2025-11-02', areas: ['Oak Ward'] },
        ],
        observations: [
          observation({}),
          observation({ themes: ['Access', 'Effectiveness'], sentiment: 'negative', area: 'Day Unit' }),
          observation({ kind: 'quote', sentiment: null, themes: [] }),
        ],
      }),
    );
    expect(model.totals).toEqual({ rounds: 2, areas: 2, observations: 3, quotes: 1, stories: 0 });
    expect(model.areas).toEqual([
      { area: 'Oak Ward', visits: 2, observations: 2 },
      { area: 'Day Unit', visits: 1, observations: 1 },
    ]);
    const access = model.themesBySentiment.find((t) => t.theme === 'Access');
    expect(access?.counts).toEqual({ positive: 1, neutral: 0, mixed: 0, negative: 1, unrated: 0 });
    expect(model.themesBySentiment.map((t) => t.theme)).toEqual([
      'Give patients a leading voice',
      'Access',
      'Effectiveness',
      'Listen and learn',
      'Confidence and trust',
    ]);
  });

  it('lists every equality group with its count, and the groups never heard from', () => {
    const model = summarisePeriod(
      input({
        equalityGroups: ['Age', 'Disability', 'Carers'],
        observations: [
          observation({ equalityGroups: ['Age', 'Age'] }),
          observation({ equalityGroups: ['Age', 'Travellers'] }),
          observation({}),
        ],
      }),
    );
    expect(model.equality.groups).toEqual([
      { group: 'Age', observations: 2 },
      { group: 'Disability', observations: 0 },
      { group: 'Carers', observations: 0 },
      { group: 'Travellers', observations: 1 },
    ]);
    expect(model.equality.neverHeardFrom).toEqual(['Disability', 'Carers']);
    expect(model.equality.taggedObservations).toBe(2);
    expect(model.equality.threshold).toBe(5);
  });

  it('picks notable quotes only from people who agreed, taking each theme in turn', () => {
    const quotes = [
      observation({ kind: 'quote', text: 'A1', themes: ['Access'], mayBeQuoted: true }),
      observation({
        kind: 'quote',
        text: 'A2',
        themes: ['Access'],
        mayBeQuoted: true,
        sentiment: 'negative',
      }),
      observation({ kind: 'quote', text: 'secret', themes: ['Access'], mayBeQuoted: false }),
      observation({ kind: 'heard', text: 'not a quote', mayBeQuoted: true }),
      observation({ kind: 'quote', text: 'L1', themes: ['Listen and learn'], mayBeQuoted: true }),
    ];
    const model = summarisePeriod(input({ observations: quotes, maxQuotes: 3 }));
    expect(model.notableQuotes.map((q) => q.text)).toEqual(['A2', 'L1', 'A1']);
  });

  it('counts actions by status, raised in the period, and overdue at its end', () => {
    const action = { youSaid: 'x', weWill: 'y', owner: 'Ward manager', area: 'Oak Ward' };
    const model = summarisePeriod(
      input({
        actions: [
          { ...action, raisedOn: '2025-10-02', due: '2025-11-01', status: 'open' },
          { ...action, raisedOn: '2025-09-02', due: '2025-12-30', status: 'in_progress' },
          { ...action, raisedOn: '2025-10-05', due: '2026-02-01', status: 'open' },
          { ...action, raisedOn: '2025-10-05', due: '2025-10-20', status: 'fed_back' },
          { ...action, raisedOn: '2025-10-05', due: null, status: 'done' },
        ],
      }),
    );
    expect(model.actions.counts).toEqual({
      raised: 4,
      open: 2,
      in_progress: 1,
      done: 1,
      fed_back: 1,
      overdue: 2,
    });
    expect(model.actions.overdue.map((a) => a.due)).toEqual(['2025-11-01', '2025-12-30']);
  });
});
