// `px-rounds scan FILE`: the personal-data guard and the plain-language check on a text file,
// as JSON, so a trust can check a story or report before it goes anywhere, without the app.
// Offsets are UTF-16 code units into the file's text (after any byte-order mark), the same
// offsets the app's editor uses; JavaScript's String.prototype.slice reads them directly.

import { readFile, stat } from 'node:fs/promises';
import { scanPersonalData } from '../../domain/personal-data/scan-personal-data';
import { checkPlainLanguage } from '../../domain/plain-language/check-plain-language';
import { EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from '../cli-io';

// Far above any story or report; stops a mistaken path to a disk image eating the memory.
const MAX_BYTES = 20 * 1024 * 1024;
const USAGE = 'scan FILE [--staff-names NAMES.txt]';

class ReadFailure extends Error {}

function describeReadError(path: string, error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return `cannot find '${path}'`;
  if (code === 'EISDIR') return `'${path}' is a folder, not a text file`;
  if (code === 'EACCES' || code === 'EPERM') return `not allowed to read '${path}'`;
  return `cannot read '${path}': ${error instanceof Error ? error.message : String(error)}`;
}

async function readUtf8(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (info.size > MAX_BYTES) throw new ReadFailure(`'${path}' is larger than 20 MB; scan a smaller file`);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof ReadFailure) throw error;
    throw new ReadFailure(describeReadError(path, error));
  }
  try {
    // fatal: refuse to guess rather than report offsets into a mis-decoded text.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ReadFailure(
      `'${path}' is not UTF-8 text; save it as UTF-8 (in Word: Plain Text, Unicode UTF-8)`,
    );
  }
}

type Parsed = { file: string; staffNamesFile: string | null } | { error: string };

function parseArgs(args: readonly string[]): Parsed {
  const positional: string[] = [];
  let staffNamesFile: string | null = null;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--staff-names') {
      const value = args[i + 1];
      if (value === undefined) return { error: "'--staff-names' needs a file of names, one a line" };
      staffNamesFile = value;
      i += 1;
    } else if (arg.startsWith('-')) {
      return { error: `unknown option '${arg}'` };
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) {
    return { error: positional.length === 0 ? 'name the text file to scan' : 'scan one file at a time' };
  }
  return { file: positional[0] as string, staffNamesFile };
}

function fail(io: CliIo, message: string): number {
  io.stderr(`px-rounds scan: ${message}.\nUsage: px-rounds ${USAGE}\n`);
  return EXIT_USAGE;
}

export const scanCommand: CliCommand = {
  name: 'scan',
  usage: USAGE,
  summary: 'list personal data and jargon in a UTF-8 text file, as JSON (offsets in UTF-16 code units)',
  run: async (args, io) => {
    const parsed = parseArgs(args);
    if ('error' in parsed) return fail(io, parsed.error);
    let text: string;
    let staffNames: string[] = [];
    try {
      text = await readUtf8(parsed.file);
      if (parsed.staffNamesFile !== null) {
        staffNames = (await readUtf8(parsed.staffNamesFile))
          .split(/\r?\n/u)
          .map((line) => line.trim())
          .filter((line) => line.length > 0);
      }
    } catch (error) {
      if (error instanceof ReadFailure) return fail(io, error.message);
      throw error;
    }
    const personalData = scanPersonalData(text, { staffNames }).map(({ kind, start, end, text: found }) => ({
      kind,
      start,
      end,
      text: found,
    }));
    const plainLanguage = checkPlainLanguage(text);
    io.stdout(`${JSON.stringify({ personalData, plainLanguage }, null, 2)}\n`);
    return EXIT_OK;
  },
};
