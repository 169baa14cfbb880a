// Agreement figures for a labelled set: accuracy, macro-F1 and the confusion matrix.
import { MODEL_CLASSES, type ModelClass } from '../sentiment-model';

export type Confusion = number[][];

export type Figures = { n: number; accuracy: number; macroF1: number; confusion: Confusion };

export function figures(pairs: readonly { expected: ModelClass; suggested: ModelClass }[]): Figures {
  const confusion = MODEL_CLASSES.map(() => MODEL_CLASSES.map(() => 0));
  for (const { expected, suggested } of pairs) {
    confusion[MODEL_CLASSES.indexOf(expected)]![MODEL_CLASSES.indexOf(suggested)]! += 1;
  }
  const correct = MODEL_CLASSES.reduce((sum, _, k) => sum + confusion[k]![k]!, 0);
  const f1s = MODEL_CLASSES.map((_, k) => {
    const truePositive = confusion[k]![k]!;
    const predicted = confusion.reduce((sum, row) => sum + row[k]!, 0);
    const actual = confusion[k]!.reduce((sum, v) => sum + v, 0);
    if (actual === 0) return null;
    return truePositive === 0 ? 0 : (2 * truePositive) / (predicted + actual);
  }).filter((f): f is number => f !== null);
  return {
    n: pairs.length,
    accuracy: pairs.length === 0 ? 0 : correct / pairs.length,
    macroF1: f1s.reduce((sum, f) => sum + f, 0) / Math.max(1, f1s.length),
    confusion,
  };
}

export function formatConfusion(confusion: Confusion): string {
  const head = `expected \\ suggested${MODEL_CLASSES.map((c) => c.padStart(10)).join('')}`;
  const rows = MODEL_CLASSES.map(
    (c, k) => `${c.padEnd(20)}${confusion[k]!.map((v) => String(v).padStart(10)).join('')}`,
  );
  return [head, ...rows].join('\n');
}
