import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../px-rounds';

const repoRoot = resolve(import.meta.dirname, '..', '..');

async function run(args: string[], chunks: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdin: Readable.from(chunks),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

describe('px-rounds sentiment', () => {
  it('prints one label per input line, in order, with blank lines as neutral', async () => {
    const { code, stdout, stderr } = await run(
      ['sentiment'],
      [
        'Couldn\u2019t fault them.\n',
        'Nobody explained.\n\n   \n',
        'The nurses were lovely but the food was cold.\n',
        'The ward has 20 beds.\n',
      ],
    );
    expect(stdout).toBe('positive\nnegative\nneutral\nneutral\nmixed\nneutral\n');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('keeps lines aligned when a line is split across chunks and ends without a newline', async () => {
    const { stdout } = await run(['sentiment'], ['Nothing to ', 'improve.\r\nWe were left ', 'waiting']);
    expect(stdout).toBe('positive\nnegative\n');
  });

  it('prints nothing for empty input and still succeeds', async () => {
    expect(await run(['sentiment'], [])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('labels thousands of lines, one each, flushing in batches', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => (i % 2 === 0 ? 'Lovely staff.' : ''));
    const { stdout } = await run(['sentiment'], [`${lines.join('\n')}\n`]);
    const labels = stdout.split('\n').slice(0, -1);
    expect(labels).toHaveLength(2000);
    expect(labels.every((label, i) => label === (i % 2 === 0 ? 'positive' : 'neutral'))).toBe(true);
  });

  it('refuses arguments, because the texts come from standard input', async () => {
    const { code, stderr } = await run(['sentiment', 'comments.txt'], []);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unexpected argument 'comments.txt'/);
  });

  it('is listed in the help and has its own help', async () => {
    expect((await run(['--help'], [])).stdout).toMatch(/sentiment/);
    const { code, stdout } = await run(['sentiment', '--help'], []);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: px-rounds sentiment/);
  });

  it('works end to end from the installed command with standard input piped in', async () => {
    const bin = fileURLToPath(new URL('../../bin/px-rounds.js', import.meta.url));
    const child = spawn(process.execPath, [bin, 'sentiment'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.end('I was treated with dignity.\n\nI rang the bell and nobody came.\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(stdout).toBe('positive\nneutral\nnegative\n');
    expect(code).toBe(0);
  });

  it('refuses a damaged model with a plain reason instead of guessing', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'pxr-cli-model-'));
    try {
      cpSync(join(repoRoot, 'resources', 'sentiment'), join(temp, 'sentiment'), { recursive: true });
      const file = join(temp, 'sentiment', 'model.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"w:lovely":[', '"w:lovely":[9'));
      process.env.PXR_RESOURCES = temp;
      const { code, stdout, stderr } = await run(['sentiment'], ['Lovely staff.\n']);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/sentiment model .* cannot be used: its SHA-256 checksum does not match/);
    } finally {
      delete process.env.PXR_RESOURCES;
      rmSync(temp, { recursive: true, force: true });
    }
  });
});
