import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { z } from 'zod';
import { connectHub, describeHubError, type HubConnection } from '../../db/hub/hub-client';
import { HUB_MIGRATIONS_FOLDER, hubVersion } from '../../db/hub/hub-migrate';
import { hubRepository, type HubRepository } from '../../db/repositories/hub-repository';
import { SETTING_KEYS } from '../../db/repositories/settings-repository';
import { isLoopbackHost, isPemCertificate } from '../../ipc/hub-schemas';
import { AppError, validationError } from '../../ipc/errors';
import type { BundlesDeps } from '../bundles/bundles-service';

// Where the trust hub is and how to reach it. The password is wrapped by the key store before
// it is saved and unwrapped only to connect; it never goes back to the screen. A hub on another
// computer is reached only over TLS checked against the trust's own CA certificate.

export type HubDeps = {
  bundles: BundlesDeps;
  hub: HubRepository;
  migrationsFolder: string;
};

export function createHubDeps(bundles: BundlesDeps, migrationsFolder = HUB_MIGRATIONS_FOLDER): HubDeps {
  return { bundles, hub: hubRepository(bundles.store.sqlite), migrationsFolder };
}

const StoredConnection = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65_535),
  database: z.string().min(1),
  user: z.string().min(1),
  caCertificatePem: z.string().nullable(),
  /** The password as the operating system's key store wrapped it, base64. */
  wrappedPassword: z.string(),
});
type StoredConnection = z.output<typeof StoredConnection>;

export type HubConnectionInput = Omit<HubConnection, 'caCertificatePem'> & {
  /** The CA certificate's PEM text or the path of its file; undefined keeps the saved one. */
  caCertificatePem?: string | null;
  /** Leave out to keep the password already saved. */
  password?: string;
};

export const settingsOf = (deps: HubDeps) => deps.bundles.store.settings;

export function storedConnection(deps: HubDeps): StoredConnection | null {
  const parsed = StoredConnection.safeParse(settingsOf(deps).get(SETTING_KEYS.hubConnection));
  return parsed.success ? parsed.data : null;
}

/** The CA certificate as PEM text, from the text itself or from the file a path names. */
function readCaCertificate(given: string): string {
  let pem = given.trim();
  if (!isPemCertificate(pem)) {
    try {
      pem = readFileSync(pem, 'utf8').trim();
    } catch {
      throw validationError(
        'caCertificate',
        'The CA certificate could not be read: paste its text, or give the full path of its file',
      );
    }
  }
  try {
    new X509Certificate(pem);
  } catch {
    throw validationError(
      'caCertificate',
      'That is not a CA certificate: ask IT for the trust’s CA file (PEM)',
    );
  }
  return `${pem}\n`;
}

/** Saves where the hub is; the password is wrapped by the key store and never kept in plain text. */
export function saveHubConnection(deps: HubDeps, input: HubConnectionInput): void {
  const previous = storedConnection(deps);
  if (input.password === undefined && !previous) {
    throw validationError('password', 'Enter the password IT gave you for the trust hub');
  }
  const caCertificatePem =
    input.caCertificatePem === undefined
      ? (previous?.caCertificatePem ?? null)
      : input.caCertificatePem === null
        ? null
        : readCaCertificate(input.caCertificatePem);
  if (caCertificatePem === null && !isLoopbackHost(input.host)) {
    throw validationError(
      'caCertificate',
      'Add the trust’s CA certificate: a hub on another computer is only reached over TLS checked against it',
    );
  }
  const wrappedPassword =
    input.password === undefined
      ? previous!.wrappedPassword
      : deps.bundles.keyWrapper.encryptString(input.password).toString('base64');
  const { store } = deps.bundles;
  store.transaction(() => {
    settingsOf(deps).set(
      SETTING_KEYS.hubConnection,
      {
        host: input.host,
        port: input.port,
        database: input.database,
        user: input.user,
        caCertificatePem,
        wrappedPassword,
      } satisfies StoredConnection,
      store.now().toISOString(),
    );
    store.audit.append({
      action: 'update',
      entity: 'setting',
      entityId: SETTING_KEYS.hubConnection,
      detail: { host: input.host, port: input.port, database: input.database, user: input.user },
    });
  });
}

/** Connects and checks the hub is one this version can use; the caller ends the client. */
export async function openHub(deps: HubDeps): Promise<{ client: pg.Client; connection: HubConnection }> {
  const stored = storedConnection(deps);
  if (!stored) throw new AppError('hub', 'Set up the trust hub in Settings first.');
  const { wrappedPassword, ...connection } = stored;
  const password = deps.bundles.keyWrapper.decryptString(Buffer.from(wrappedPassword, 'base64'));
  let client: pg.Client;
  try {
    client = await connectHub(connection, password);
  } catch (error) {
    throw new AppError('hub', describeHubError(error, connection));
  }
  try {
    let version;
    try {
      version = await hubVersion(client, deps.migrationsFolder);
    } catch (error) {
      // A hub from a newer (or different) version says so in its own plain words.
      if (error instanceof Error && !('code' in error)) throw new AppError('hub', error.message);
      if ((error as { code?: unknown }).code === '42501') {
        throw new AppError(
          'hub',
          `The trust hub does not let ${connection.user} in yet: ask IT to add this account as a publisher or a reader.`,
        );
      }
      throw error;
    }
    if (version === null) {
      throw new AppError('hub', 'This database is not a trust hub yet: ask IT to run "px-rounds hub init".');
    }
    if (version.applied < version.known) {
      throw new AppError(
        'hub',
        'The trust hub needs upgrading for this version of PX Rounds: ask IT to run "px-rounds hub init".',
      );
    }
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error instanceof AppError ? error : new AppError('hub', describeHubError(error, connection));
  }
  return { client, connection };
}

/** Connects with the saved settings and says what it found; throws the hub's error in plain words. */
export async function testHubConnection(deps: HubDeps): Promise<{ message: string }> {
  const { client, connection } = await openHub(deps);
  await client.end().catch(() => undefined);
  return {
    message: `Connected to the trust hub at ${connection.host}:${connection.port} as ${connection.user}.`,
  };
}
