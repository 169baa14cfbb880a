import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test/helpers/test-context';
import { reserveLogSpace } from './write-ahead-log';

const temps: { remove: () => void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));
function folder() {
  const temp = makeTempDir();
  temps.push(temp);
  return temp.dir;
}

describe('reserveLogSpace', () => {
  it('extends the file with zeros and leaves what was written untouched', () => {
    const file = join(folder(), 'x.db-wal');
    const written = Buffer.from('frames SQLite wrote'.repeat(100));
    writeFileSync(file, written);
    expect(reserveLogSpace(file, 3 * 1024 * 1024 + 5)).toBe(3 * 1024 * 1024 + 5 - written.length);
    const after = readFileSync(file);
    expect(after.length).toBe(3 * 1024 * 1024 + 5);
    expect(after.subarray(0, written.length).equals(written)).toBe(true);
    expect(after.subarray(written.length).every((b) => b === 0)).toBe(true);
  });

  it('never shrinks the file, and never creates one', () => {
    const dir = folder();
    const file = join(dir, 'x.db-wal');
    writeFileSync(file, Buffer.alloc(4096, 7));
    expect(reserveLogSpace(file, 1024)).toBe(0);
    expect(statSync(file).size).toBe(4096);
    expect(reserveLogSpace(join(dir, 'missing.db-wal'), 1024)).toBe(0);
    expect(existsSync(join(dir, 'missing.db-wal'))).toBe(false);
  });
});
