// `px-rounds sentiment`: one text per line in, one label per line out, in the same order, so a
// trust can run the app's suggester over a Friends and Family Test export and line the labels
// up with the comments (`paste comments.txt labels.txt`).
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { readSentimentModel, SentimentModelError } from '../../domain/sentiment/sentiment-model-file';
import { sentimentSuggester, type SentimentSuggester } from '../../domain/sentiment/suggest-sentiment';
import { EXIT_OK, EXIT_USAGE, type CliCommand } from '../cli-io';

// Labels are written in batches: one write per line costs a system call per line, and an
// export can have millions of lines. Small enough that output still streams.
const BATCH_LINES = 512;

/** The model shipped with the app; PXR_RESOURCES points elsewhere (a test's damaged copy). */
function resourcesFolder(): string {
  return process.env.PXR_RESOURCES ?? join(import.meta.dirname, '..', '..', 'resources');
}

export const sentimentCommand: CliCommand = {
  name: 'sentiment',
  usage: 'sentiment < texts.txt',
  summary: 'label each line of standard input positive, negative, neutral or mixed (one label a line)',
  run: async (args, io) => {
    if (args.length > 0) {
      io.stderr(
        `px-rounds sentiment: unexpected argument '${args[0]}'. It reads texts from standard input.\n`,
      );
      return EXIT_USAGE;
    }
    let suggest: SentimentSuggester;
    try {
      suggest = sentimentSuggester(readSentimentModel(resourcesFolder()));
    } catch (error) {
      if (!(error instanceof SentimentModelError)) throw error;
      io.stderr(`px-rounds sentiment: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // readline streams: memory stays flat however long the input, and "\r\n" exports from
    // spreadsheets count as one line break, not two.
    const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
    let batch: string[] = [];
    for await (const line of lines) {
      batch.push(line.trim() === '' ? 'neutral' : suggest(line).label);
      if (batch.length >= BATCH_LINES) {
        io.stdout(`${batch.join('\n')}\n`);
        batch = [];
      }
    }
    if (batch.length > 0) io.stdout(`${batch.join('\n')}\n`);
    return EXIT_OK;
  },
};
