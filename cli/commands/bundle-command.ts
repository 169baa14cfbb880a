// `px-rounds bundle inspect FILE [--json]`: prints a bundle's plain-text header and checks the
// contributor's signature over the whole file, without the collection key (the body stays
// encrypted), so trust IT can check a file before anyone opens it in the app. Exit codes: 0 the
// signature is valid, 1 the file is not as it was signed (changed, cut short, damaged), 2 could
// not check (no such file, not a bundle, a newer format, wrong usage).

import { readFile, stat } from 'node:fs/promises';
import { BundleError } from '../../domain/bundles/bundle-errors';
import { readBundleEnvelope } from '../../domain/bundles/bundle-file';
import { formatFingerprint } from '../../domain/signing/signing-keys';
import type { BundleHeaderDto } from '../../ipc/bundle-units-schemas';
import { EXIT_NEGATIVE, EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from '../cli-io';

const USAGE = 'bundle inspect FILE [--json]';
const MAX_BYTES = 1024 * 1024 * 1024;
const CANNOT_CHECK = new Set(['not_bundle', 'newer_format']);

function headerLines(header: BundleHeaderDto, file: string): string[] {
  const c = header.counts;
  return [
    `Bundle: ${file}`,
    'Signature: valid (the file is exactly as its contributor signed it)',
    `Format: ${header.format} (PX Rounds ${header.appVersion})`,
    `Bundle id: ${header.bundleId}`,
    `Created: ${header.createdAt}`,
    `Contributor: ${header.contributor.name}${header.contributor.role ? `, ${header.contributor.role}` : ''}`,
    `Contributor's key: ${formatFingerprint(header.contributor.keyId)}`,
    `For collection key: ${formatFingerprint(header.recipientKeyId)}`,
    `Period: ${header.period.from ?? 'everything'} to ${header.period.to}`,
    `Holds: ${c.rounds} rounds (${c.observations} observations), ${c.stories} stories, ${c.addenda} signed corrections, ${c.actionEvents} action events, ${c.withdrawals} consent withdrawals`,
    // What the contributor's audit log held when the bundle was made, to compare with it later.
    ...(header.auditAnchor
      ? [`Contributor's audit log: entry ${header.auditAnchor.seq}, hash ${header.auditAnchor.headHash}`]
      : []),
    'The contents are encrypted: only the PEIG lead’s app, with that collection key, can open them.',
  ];
}

async function inspect(args: readonly string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  const unknown = files.find((a) => a.startsWith('-'));
  if (unknown || files.length !== 1) {
    io.stderr(
      `px-rounds bundle: ${unknown ? `unknown option '${unknown}'` : 'name one bundle file to inspect'}\nUsage: px-rounds ${USAGE}\n`,
    );
    return EXIT_USAGE;
  }
  const file = files[0]!;
  let bytes: Buffer;
  try {
    if ((await stat(file)).size > MAX_BYTES) throw new Error(`'${file}' is too large to be a bundle`);
    bytes = await readFile(file);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    io.stderr(
      `px-rounds bundle: ${code === 'ENOENT' ? `cannot find '${file}'` : error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT_USAGE;
  }
  try {
    const { header } = readBundleEnvelope(bytes);
    io.stdout(
      json
        ? `${JSON.stringify({ valid: true, header }, null, 2)}\n`
        : `${headerLines(header, file).join('\n')}\n`,
    );
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    const exit = CANNOT_CHECK.has(error.reason) ? EXIT_USAGE : EXIT_NEGATIVE;
    if (json)
      io.stdout(
        `${JSON.stringify({ valid: false, reason: error.reason, message: error.message }, null, 2)}\n`,
      );
    else
      io.stdout(
        `Bundle: ${file}\n${exit === EXIT_NEGATIVE ? 'Signature: NOT VALID' : 'Could not check'}: ${error.message}\n`,
      );
    return exit;
  }
}

export const bundleCommand: CliCommand = {
  name: 'bundle',
  usage: USAGE,
  summary: 'show a PEIG bundle’s header and check its signature, without opening it',
  run: async (args, io) => {
    const [sub, ...rest] = args;
    if (sub !== 'inspect') {
      io.stderr(
        `px-rounds bundle: ${sub === undefined ? 'say what to do' : `unknown action '${sub}'`}\nUsage: px-rounds ${USAGE}\n`,
      );
      return EXIT_USAGE;
    }
    return inspect(rest, io);
  },
};
