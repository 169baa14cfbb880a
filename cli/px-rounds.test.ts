import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../test/helpers/cli-run';
import { repoRoot } from '../test/helpers/test-context';

const run = promisify(execFile);

async function cli(args: string[]) {
  const { code, stdout, stderr } = await runCliCaptured(args);
  return { code, out: stdout, err: stderr };
}

describe('px-rounds command line', () => {
  it('prints help with --help and exits 0', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('Usage: px-rounds <command>');
    expect(out).toMatch(/Exit codes: 0 .*1 .*2 /);
  });

  it('exits 2 with a message on an unknown command', async () => {
    const { code, err } = await cli(['frobnicate']);
    expect(code).toBe(2);
    expect(err).toContain("unknown command 'frobnicate'");
  });

  it('exits 2 and shows help when given nothing', async () => {
    const { code, out } = await cli([]);
    expect(code).toBe(2);
    expect(out).toContain('Usage:');
  });

  it('runs as a bin under plain Node', async () => {
    const { stdout } = await run(process.execPath, ['bin/px-rounds.js', '--help'], { cwd: repoRoot });
    expect(stdout).toContain('Usage: px-rounds');
    await expect(
      run(process.execPath, ['bin/px-rounds.js', '--nonsense'], { cwd: repoRoot }),
    ).rejects.toMatchObject({ code: 2 });
  });
});
