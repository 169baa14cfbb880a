import { describe, expect, it } from 'vitest';
import { SentimentModelFile } from '../sentiment-model';
import {
  bestOffsetsInHindsight,
  chooseSettings,
  evaluateOn,
  EVALUATION_MAPPING,
  examplesOf,
  HINDSIGHT_OFFSETS,
  MIXED,
  OFFSETS_GRID,
  trainableRows,
  TRAINING_MAPPINGS,
  UNTRAINED_SOURCES,
} from './experiment';
import { classOf, CRITICALITY_MAPPINGS, parseCsv, readFeedback, sourcesOf } from './feedback-data';
import { figures } from './metrics';
import { DEFAULT_TRAINING, serialiseModel, trainSentimentModel } from './train-model';

// A slice of every trained source: big enough to learn from, small enough to train in a moment.
const rows = trainableRows(readFeedback());
const slice = sourcesOf(rows).flatMap((source) => rows.filter((r) => r.source === source).slice(0, 200));
const examples = examplesOf(slice);
const record = { trainedOn: 'a test slice', mixed: MIXED };

describe('training the sentiment model', () => {
  it('gives byte-identical weights when run twice', () => {
    const first = serialiseModel(trainSentimentModel(examples, DEFAULT_TRAINING, record));
    const second = serialiseModel(trainSentimentModel(examples, DEFAULT_TRAINING, record));
    expect(second).toBe(first);
    const reseeded = serialiseModel(trainSentimentModel(examples, { ...DEFAULT_TRAINING, seed: 7 }, record));
    expect(reseeded).not.toBe(first);
  });

  it('writes a file the app can read back', () => {
    const text = serialiseModel(trainSentimentModel(examples, DEFAULT_TRAINING, record));
    expect(SentimentModelFile.safeParse(JSON.parse(text)).success).toBe(true);
  });

  it('chooses its settings from the grid, by leaving out each source it is given in turn', () => {
    const first = chooseSettings(slice);
    expect(TRAINING_MAPPINGS).toContain(first.settings.mapping);
    expect(OFFSETS_GRID).toContainEqual(first.settings.offsets);
    expect(first.accuracy).toBeGreaterThan(0.5);
  });

  it('learns what it was shown', () => {
    const model = trainSentimentModel(examples, DEFAULT_TRAINING, record);
    expect(evaluateOn(model, examples).accuracy).toBeGreaterThan(0.85);
  });

  it('bounds what calibration could do by offsets chosen on the labels of the set itself', () => {
    const model = trainSentimentModel(examples, DEFAULT_TRAINING, record);
    const asTrained = evaluateOn(model, examples).accuracy;
    const best = bestOffsetsInHindsight(model, examples);
    expect(HINDSIGHT_OFFSETS).toContainEqual(best.offsets);
    expect(best.accuracy).toBeGreaterThanOrEqual(asTrained);
    // Told every comment is neutral, hindsight pushes neutral as far as the grid goes.
    const allNeutral = examples.map((e) => ({ ...e, label: 'neutral' as const }));
    const pushed = bestOffsetsInHindsight(model, allNeutral);
    expect(pushed.offsets[1]).toBe(Math.max(...HINDSIGHT_OFFSETS.map((o) => o[1])));
    expect(pushed.accuracy).toBeGreaterThan(evaluateOn(model, allNeutral).accuracy);
  });
});

describe('the labelled feedback', () => {
  it('has the sources and row counts its README describes', () => {
    const all = readFeedback();
    expect(all).toHaveLength(3868 + 10298);
    expect(sourcesOf(all)).toEqual(['Ambulance trust 2023', 'Trust A 2020', 'Trust B 2020', 'Trust C 2020']);
  });

  it("keeps the question each ambulance comment answers, for the evaluation's breakdown", () => {
    const all = readFeedback();
    const questions = new Set(all.filter((r) => r.scheme === 'score').map((r) => r.question));
    expect([...questions].sort()).toEqual([
      'FFT Why?',
      'How could we improve?',
      'Please describe any things about the 111 service that you were particularly satisfied and/or dissatisfied with',
    ]);
    expect(all.filter((r) => r.scheme === 'criticality').every((r) => r.question === undefined)).toBe(true);
  });

  it('maps the ambulance score as its labellers defined it', () => {
    const row = { text: '', source: 'x', scheme: 'score' as const };
    expect([1, 2, 3, 4, 5].map((value) => classOf({ ...row, value }, EVALUATION_MAPPING))).toEqual([
      'positive',
      'positive',
      'neutral',
      'negative',
      'negative',
    ]);
  });

  it('reads the 2020 criticality for training either way, and measures against one fixed reading', () => {
    const row = { text: '', source: 'x', scheme: 'criticality' as const };
    const read = (name: string) =>
      [-3, -1, 0, 1, 3].map((value) =>
        classOf(
          { ...row, value },
          CRITICALITY_MAPPINGS.find((m) => m.name === name)!,
        ),
      );
    expect(read('±1 neutral, 0 left out')).toEqual(['negative', 'neutral', null, 'neutral', 'positive']);
    expect(read('+1 neutral, -1 criticism, 0 left out')).toEqual([
      'negative',
      'negative',
      null,
      'neutral',
      'positive',
    ]);
    expect(TRAINING_MAPPINGS[0]).toBe(EVALUATION_MAPPING);
  });

  it('never trains on Trust B, whose labels contradict its text', () => {
    expect([...UNTRAINED_SOURCES]).toEqual(['Trust B 2020']);
    expect(sourcesOf(rows)).not.toContain('Trust B 2020');
  });

  it('reads quoted CSV fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b\n"x, ""y""","line\nbreak"\r\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line\nbreak'],
    ]);
  });
});

describe('agreement figures', () => {
  it('computes accuracy, macro-F1 and the confusion matrix', () => {
    const result = figures([
      { expected: 'positive', suggested: 'positive' },
      { expected: 'positive', suggested: 'neutral' },
      { expected: 'negative', suggested: 'negative' },
      { expected: 'neutral', suggested: 'neutral' },
    ]);
    expect(result.accuracy).toBe(0.75);
    expect(result.confusion).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 1],
    ]);
    // F1: negative 1, neutral 2/3, positive 2/3.
    expect(result.macroF1).toBeCloseTo((1 + 2 / 3 + 2 / 3) / 3, 10);
  });
});
