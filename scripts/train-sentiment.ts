// `npm run train:sentiment`: trains the sentiment model on data/patient-feedback and writes
// resources/sentiment/model.json with its SHA-256 checksum beside it. Deterministic: run it
// again and the files do not change. `--check` writes nothing and exits 1 if the committed
// files differ from what training produces now.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readFeedback, sourcesOf } from '../domain/sentiment/training/feedback-data';
import {
  chooseSettings,
  describeSettings,
  trainableRows,
  trainOnRows,
  WARD_COPIES,
} from '../domain/sentiment/training/experiment';
import { serialiseModel } from '../domain/sentiment/training/train-model';
import {
  CHECKSUM_FILE,
  checksumLine,
  MODEL_FILE,
  MODEL_FOLDER,
} from '../domain/sentiment/sentiment-model-file';

const folder = resolve(import.meta.dirname, '..', 'resources', MODEL_FOLDER);
const check = process.argv.includes('--check');

const rows = trainableRows(readFeedback());
const sources = sourcesOf(rows);
console.log(`training on ${rows.length} comments from ${sources.join(', ')}`);
const chosen = chooseSettings(rows);
const how = describeSettings(chosen.settings);
console.log(
  `settings chosen by leave-one-source-out within the training data (mean accuracy ${chosen.accuracy.toFixed(3)}): ${how}`,
);
const model = trainOnRows(
  rows,
  chosen.settings,
  WARD_COPIES,
  [
    `data/patient-feedback: ${sources.join(', ')}`,
    `the development ward sentences ${WARD_COPIES} times`,
    how,
  ].join('; '),
);
const text = serialiseModel(model);
const files = [
  [MODEL_FILE, text],
  [CHECKSUM_FILE, checksumLine(text)],
] as const;

if (check) {
  const stale = files.filter(([name, content]) => {
    try {
      return readFileSync(join(folder, name), 'utf8') !== content;
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    console.error(
      `resources/${MODEL_FOLDER}/${stale[0]![0]} is not what training produces: run npm run train:sentiment.`,
    );
    process.exit(1);
  }
  console.log(`resources/${MODEL_FOLDER} matches what training produces.`);
} else {
  for (const [name, content] of files) writeFileSync(join(folder, name), content);
  console.log(
    `wrote resources/${MODEL_FOLDER}/${MODEL_FILE}: ${Object.keys(model.weights).length} features, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`,
  );
}
