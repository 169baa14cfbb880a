import { EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from './cli-io';
import { bundleCommand } from './commands/bundle-command';
import { hubCommand } from './commands/hub-command';
import { scanCommand } from './commands/scan-command';
import { sentimentCommand } from './commands/sentiment-command';
import { verifyCommand } from './commands/verify-command';

// Each subcommand lives in cli/commands/ and is listed here.
export const commands: readonly CliCommand[] = [
  sentimentCommand,
  scanCommand,
  verifyCommand,
  bundleCommand,
  hubCommand,
];

export function helpText(): string {
  const width = Math.max(0, ...commands.map((c) => c.usage.length));
  const lines = [
    'Usage: px-rounds <command> [options]',
    '',
    'PX Rounds on the command line: tools that work on files and text without the app.',
    '',
    commands.length === 0 ? 'No commands are available in this version.' : 'Commands:',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help',
    '  -v, --version  show the version',
    '',
    'Exit codes: 0 success, 1 a negative result (for example an invalid signature), 2 wrong usage or an error.',
  ];
  return `${lines.join('\n')}\n`;
}

export async function runCli(argv: string[], io: CliIo, version = 'unknown'): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.stdout(helpText());
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (first === '-v' || first === '--version') {
    io.stdout(`${version}\n`);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    io.stderr(`px-rounds: unknown command '${first}'. Run 'px-rounds --help' to see the commands.\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`Usage: px-rounds ${command.usage}\n\n${command.summary}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`px-rounds ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
}
