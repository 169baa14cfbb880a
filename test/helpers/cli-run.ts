import { Readable } from 'node:stream';
import { runCli } from '../../cli/px-rounds';

/** Runs the command line in this process, fed `stdin`, and keeps what it printed and its exit code. */
export async function runCliCaptured(args: string[], stdin: readonly string[] = []) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdin: Readable.from(stdin),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}
