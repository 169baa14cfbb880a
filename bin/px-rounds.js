#!/usr/bin/env node
// The px-rounds command line runs under plain Node, without Electron.
import { readFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const { runCli } = await import('../cli/px-rounds.ts');
process.exitCode = await runCli(
  process.argv.slice(2),
  {
    stdin: process.stdin,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  },
  version,
);
