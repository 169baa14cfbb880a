// Reads the trained sentiment model from resources/sentiment, once per process, after checking
// its SHA-256 checksum: a damaged or half-copied file is refused with a plain message, and the
// app carries on without sentiment suggestions.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SentimentModelFile, toSentimentModel, type SentimentModel } from './sentiment-model';
import { sentimentSuggester, type SentimentSuggester } from './suggest-sentiment';

export const MODEL_FOLDER = 'sentiment';
export const MODEL_FILE = 'model.json';
/** Beside the model, in `sha256sum` format, so `sha256sum -c model.json.sha256` checks it too. */
export const CHECKSUM_FILE = 'model.json.sha256';

export class SentimentModelError extends Error {
  override name = 'SentimentModelError';
}

export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function checksumLine(modelText: string): string {
  return `${sha256Hex(modelText)}  ${MODEL_FILE}\n`;
}

const unusable = (path: string, why: string) =>
  new SentimentModelError(
    `The sentiment model ${path} cannot be used: ${why} Sentiment suggestions are off until it is reinstalled.`,
  );

/** Reads, checks and parses the model in `<resourcesFolder>/sentiment`; throws SentimentModelError. */
export function readSentimentModel(resourcesFolder: string): SentimentModel {
  const folder = join(resourcesFolder, MODEL_FOLDER);
  const path = join(folder, MODEL_FILE);
  let bytes: Buffer;
  let expected: string;
  try {
    bytes = readFileSync(path);
    expected = readFileSync(join(folder, CHECKSUM_FILE), 'utf8').trim().split(/\s+/)[0] ?? '';
  } catch (error) {
    throw unusable(path, `it could not be read (${(error as Error).message}).`);
  }
  if (sha256Hex(bytes) !== expected) {
    throw unusable(
      path,
      'its SHA-256 checksum does not match the one recorded beside it, so the file is damaged.',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw unusable(path, 'it is not valid JSON.');
  }
  const parsed = SentimentModelFile.safeParse(json);
  if (!parsed.success)
    throw unusable(path, `it is not a model this version understands:\n${z.prettifyError(parsed.error)}`);
  return toSentimentModel(parsed.data);
}

const loaded = new Map<string, SentimentModel | SentimentModelError>();

/**
 * The model for this resources folder, read once per process; null (with the reason logged
 * once) when it cannot be used, so callers simply offer no suggestion.
 */
export function loadSentimentModel(resourcesFolder: string): SentimentModel | null {
  let entry = loaded.get(resourcesFolder);
  if (!entry) {
    try {
      entry = readSentimentModel(resourcesFolder);
    } catch (error) {
      if (!(error instanceof SentimentModelError)) throw error;
      console.error(error.message);
      entry = error;
    }
    loaded.set(resourcesFolder, entry);
  }
  return entry instanceof SentimentModelError ? null : entry;
}

/** The suggester over the installed model, or null when the model cannot be used. */
export function loadSentimentSuggester(resourcesFolder: string): SentimentSuggester | null {
  const model = loadSentimentModel(resourcesFolder);
  return model ? sentimentSuggester(model) : null;
}
