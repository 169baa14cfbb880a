import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifiedSuggester } from '../../renderer/src/lib/verify-sentiment-model';

const folder = join(import.meta.dirname, '..', '..', 'resources', 'sentiment');
const model = readFileSync(join(folder, 'model.json'), 'utf8');
const checksum = readFileSync(join(folder, 'model.json.sha256'), 'utf8');

afterEach(() => vi.restoreAllMocks());

describe('the sentiment model in the renderer', () => {
  it('suggests once its checksum matches', async () => {
    const suggest = await verifiedSuggester(model, checksum);
    expect(suggest?.('Lovely staff.').label).toBe('positive');
  });

  it('offers no suggestions, and says why, when the model is damaged', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const damaged = model.replace('"w:lovely":[', '"w:lovely":[9');
    expect(await verifiedSuggester(damaged, checksum)).toBeNull();
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/damaged/));
  });
});
