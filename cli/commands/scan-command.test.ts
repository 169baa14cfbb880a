import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCliCaptured } from '../../test/helpers/cli-run';

// The JSON the command promises, checked as a consumer would parse it.
const outputSchema = z.object({
  personalData: z.array(
    z.object({ kind: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() }).strict(),
  ),
  plainLanguage: z.object({
    findings: z.array(
      z
        .object({
          term: z.string(),
          start: z.number(),
          end: z.number(),
          plain: z.string(),
          explained: z.boolean(),
        })
        .passthrough(),
    ),
    unexplainedAbbreviations: z.array(
      z.object({ term: z.string(), start: z.number(), end: z.number() }).passthrough(),
    ),
    readability: z
      .object({
        fleschReadingEase: z.number(),
        averageSentenceLength: z.number(),
        words: z.number(),
        sentences: z.number(),
        verdict: z.string(),
      })
      .passthrough(),
  }),
});

const STORY =
  'Mrs Okafor (NHS 999 111 1115) from SE1 7EH was in bay 3. The MDT explained her prognosis. ' +
  'Call her daughter on 07700 900123. The QRT never came 😞.\n';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'px-rounds-scan-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

const run = (args: string[]) => runCliCaptured(args);

describe('px-rounds scan', () => {
  it('prints personal data and plain-language findings as JSON and exits 0', async () => {
    const { code, stdout, stderr } = await run(['scan', await file('story.txt', STORY)]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const output = outputSchema.parse(JSON.parse(stdout));
    expect(output.personalData.map((f) => [f.kind, f.text])).toEqual([
      ['name', 'Mrs Okafor'],
      ['nhs_number', '999 111 1115'],
      ['postcode', 'SE1 7EH'],
      ['bed_bay', 'bay 3'],
      ['phone', '07700 900123'],
    ]);
    for (const f of output.personalData) expect(STORY.slice(f.start, f.end)).toBe(f.text);
    expect(output.plainLanguage.findings.map((f) => f.term)).toEqual(['MDT', 'prognosis']);
    expect(output.plainLanguage.unexplainedAbbreviations.map((u) => u.term)).toEqual(['QRT']);
    expect(output.plainLanguage.readability.sentences).toBe(4);
  });

  it('succeeds with empty results for a clean or empty file', async () => {
    const { code, stdout } = await run(['scan', await file('empty.txt', '')]);
    expect(code).toBe(0);
    const output = outputSchema.parse(JSON.parse(stdout));
    expect(output.personalData).toEqual([]);
    expect(output.plainLanguage.findings).toEqual([]);
  });

  it('drops a byte-order mark so offsets match the text', async () => {
    const { stdout } = await run(['scan', await file('bom.txt', '\uFEFFCall 07700 900123.')]);
    const [phone] = outputSchema.parse(JSON.parse(stdout)).personalData;
    expect(phone).toEqual({ kind: 'phone', start: 5, end: 17, text: '07700 900123' });
  });

  it('flags names from a staff list given with --staff-names', async () => {
    const names = await file('staff.txt', 'Bisi Okon\r\n\r\nAde\n');
    const story = await file('staff-story.txt', 'Bisi Okon and Ade were lovely.');
    const { code, stdout } = await run(['scan', story, '--staff-names', names]);
    expect(code).toBe(0);
    expect(outputSchema.parse(JSON.parse(stdout)).personalData.map((f) => f.text)).toEqual([
      'Bisi Okon',
      'Ade',
    ]);
  });

  it('exits 2 with a clear message for a missing file, a folder or text that is not UTF-8', async () => {
    const missing = await run(['scan', join(dir, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot find '.*nope\.txt'/);
    expect(missing.stdout).toBe('');

    const folder = join(dir, 'a-folder');
    await mkdir(folder);
    const isFolder = await run(['scan', folder]);
    expect(isFolder.code).toBe(2);
    expect(isFolder.stderr).toMatch(/is a folder/);

    const latin1 = await run(['scan', await file('latin1.txt', Uint8Array.from([0x63, 0x61, 0x66, 0xe9]))]);
    expect(latin1.code).toBe(2);
    expect(latin1.stderr).toMatch(/not UTF-8 text/);
  });

  it('exits 2 with usage for no file, two files, an unknown option or a missing option value', async () => {
    for (const args of [
      ['scan'],
      ['scan', 'a.txt', 'b.txt'],
      ['scan', '--json', 'a.txt'],
      ['scan', 'a.txt', '--staff-names'],
    ]) {
      const { code, stderr, stdout } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(/Usage: px-rounds scan FILE/);
      expect(stdout).toBe('');
    }
  });

  it('is listed in the help and has its own help', async () => {
    expect((await run(['--help'])).stdout).toMatch(/scan FILE/);
    const { code, stdout } = await run(['scan', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: px-rounds scan FILE/);
  });

  it('works end to end from the installed command', async () => {
    const bin = fileURLToPath(new URL('../../bin/px-rounds.js', import.meta.url));
    const path = await file('spawned.txt', STORY);
    const child = spawn(process.execPath, [bin, 'scan', path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(outputSchema.parse(JSON.parse(stdout)).personalData).toHaveLength(5);

    const missing = spawn(process.execPath, [bin, 'scan', join(dir, 'gone.txt')], { stdio: 'ignore' });
    expect(await new Promise<number | null>((resolve) => missing.on('close', resolve))).toBe(2);
  });
});
