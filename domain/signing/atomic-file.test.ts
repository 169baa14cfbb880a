import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileExistsError, writeFileAtomically } from './atomic-file';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'px-rounds-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomically', () => {
  it('writes a new file and leaves no temporary file behind', () => {
    const file = join(dir, 'summary.docx');
    writeFileAtomically(file, Buffer.from('signed'));
    expect(readFileSync(file, 'utf8')).toBe('signed');
    expect(readdirSync(dir)).toEqual(['summary.docx']);
  });

  it('never replaces an existing file unless told to', () => {
    const file = join(dir, 'summary.docx');
    writeFileSync(file, 'original');
    expect(() => writeFileAtomically(file, Buffer.from('new'))).toThrow(FileExistsError);
    expect(() => writeFileAtomically(file, Buffer.from('new'))).toThrow(/already exists/);
    expect(readFileSync(file, 'utf8')).toBe('original');
    expect(readdirSync(dir)).toEqual(['summary.docx']);

    writeFileAtomically(file, Buffer.from('new'), { overwrite: true });
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['summary.docx']);
  });

  it('leaves nothing behind when the folder does not exist', () => {
    expect(() => writeFileAtomically(join(dir, 'missing', 'a.docx'), Buffer.from('x'))).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
