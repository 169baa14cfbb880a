import { randomBytes } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { observe, roundWithAreas } from '../../test/helpers/round-fixtures';
import {
  makeTempDir,
  migrationsFolder,
  resourcesFolder,
  type TestContext,
} from '../../test/helpers/test-context';
import { createAppContext } from '../app-context';
import { createFileKeyWrapper } from '../signing/file-key-wrapper';
import {
  CHECKSUM_FILE,
  loadSentimentModel,
  MODEL_FILE,
  MODEL_FOLDER,
  readSentimentModel,
  SentimentModelError,
  sha256Hex,
} from './sentiment-model-file';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  vi.restoreAllMocks();
});

/** A copy of the app's resources folder whose model file has one byte changed. */
function damagedResources(): string {
  const temp = makeTempDir('pxr-model-');
  cleanups.push(temp.remove);
  const copy = join(temp.dir, 'resources');
  cpSync(resourcesFolder, copy, { recursive: true });
  const file = join(copy, MODEL_FOLDER, MODEL_FILE);
  const bytes = readFileSync(file);
  const at = bytes.indexOf('"w:lovely":[') + 14;
  bytes[at] = bytes[at] === 0x31 ? 0x32 : 0x31;
  writeFileSync(file, bytes);
  return copy;
}

describe('the sentiment model file', () => {
  it('matches the checksum recorded beside it', () => {
    const folder = join(resourcesFolder, MODEL_FOLDER);
    const recorded = readFileSync(join(folder, CHECKSUM_FILE), 'utf8');
    expect(recorded).toBe(`${sha256Hex(readFileSync(join(folder, MODEL_FILE)))}  ${MODEL_FILE}\n`);
    expect(readSentimentModel(resourcesFolder).weights.size).toBeGreaterThan(1000);
  });

  it('is at most 5 MB', () => {
    expect(readFileSync(join(resourcesFolder, MODEL_FOLDER, MODEL_FILE)).length).toBeLessThanOrEqual(
      5 * 1024 * 1024,
    );
  });

  it('is refused, with a plain reason, when one byte is changed', () => {
    const damaged = damagedResources();
    expect(() => readSentimentModel(damaged)).toThrow(SentimentModelError);
    expect(() => readSentimentModel(damaged)).toThrow(/checksum does not match.*suggestions are off/s);
  });

  it('is refused when missing, and loading then gives no model instead of failing', () => {
    const temp = makeTempDir('pxr-model-');
    cleanups.push(temp.remove);
    expect(() => readSentimentModel(temp.dir)).toThrow(/could not be read/);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(loadSentimentModel(temp.dir)).toBeNull();
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('leaves the app working without suggestions when it is damaged', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const data = makeTempDir();
    cleanups.push(data.remove);
    const context = createAppContext({
      dataDir: data.dir,
      key: randomBytes(32),
      migrationsFolder,
      resourcesFolder: damagedResources(),
      host: 'browser',
      version: '0.0.0-test',
      actor: 'test-user',
      keyWrapper: createFileKeyWrapper(data.dir),
    });
    cleanups.unshift(() => context.close());
    const ctx = {
      ...context,
      call: async (channel: string, request: unknown) => {
        const result = await context.dispatch(channel as never, request as never);
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        return result.value;
      },
    } as unknown as TestContext;
    const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Ward 1']);
    const obs = await observe(ctx, roundId, areas['Ward 1']!, 'The nurses were wonderful');
    expect(obs).toMatchObject({
      text: 'The nurses were wonderful',
      sentimentSuggested: null,
      sentimentDrivers: [],
    });
    const confirmed = await ctx.call('observations:set-sentiment', {
      id: obs.id,
      confirmed: 'positive',
      fftAnswer: null,
    });
    expect(confirmed).toMatchObject({ sentimentSuggested: null, sentimentConfirmed: 'positive' });
  });
});
