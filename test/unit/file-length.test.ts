import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A source file over 400 lines is hard to hold in mind; when one must stay whole (a schema that
// drizzle-kit reads as one picture of the database, say), its first line says why, in a comment
// that names it one file. Tests are exempt (a test file reads as a list of cases), and so are
// migrations and anything the build generates.

const MAX_LINES = 400;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'out',
  'dist',
  'migrations',
  'test-results',
  'playwright-report',
]);
const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;
const TEST = /\.(test|spec)\.(ts|tsx)$/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) return [];
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return full === path.join(repoRoot, 'test') ? [] : sourceFiles(full);
    return SOURCE.test(entry.name) && !TEST.test(entry.name) ? [full] : [];
  });
}

/** The long files whose first line does not say why they are one file. */
function unexplainedLongFiles(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const length = lines.at(-1) === '' ? lines.length - 1 : lines.length;
    const explained = /^\/\/.*\bone file\b/i.test(lines[0] ?? '');
    return length > MAX_LINES && !explained ? [`${path.relative(repoRoot, file)} (${length} lines)`] : [];
  });
}

describe('source file length', () => {
  it('finds the source files, so the check below has something to look at', () => {
    const files = sourceFiles(repoRoot).map((file) => path.relative(repoRoot, file));
    expect(files).toContain(path.join('domain', 'store.ts'));
    expect(files).toContain(path.join('renderer', 'src', 'App.tsx'));
    expect(files.some((file) => file.endsWith('.test.ts'))).toBe(false);
  });

  it(`keeps every non-test source file to ${MAX_LINES} lines, or says on its first line why it is one file`, () => {
    expect(unexplainedLongFiles(sourceFiles(repoRoot))).toEqual([]);
  });
});
