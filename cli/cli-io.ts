import type { Readable } from 'node:stream';

export type CliIo = {
  stdin: Readable;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};

export type CliCommand = {
  name: string;
  usage: string;
  summary: string;
  /** Resolves to the exit code: 0 success, 1 a negative answer (e.g. invalid), 2 usage or other error. */
  run: (args: string[], io: CliIo) => Promise<number>;
};

export const EXIT_OK = 0;
export const EXIT_NEGATIVE = 1;
export const EXIT_USAGE = 2;
