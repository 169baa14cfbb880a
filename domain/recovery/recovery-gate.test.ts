import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { plainKeyStore, wrappedKeyStore, type DatabaseKeyStore, type KeyWrapper } from '../../db/key-file';
import type { ChannelName, RequestOf, ResponseOf } from '../../ipc/contract';
import type { AppErrorShape } from '../../ipc/errors';
import { folderFingerprint } from '../../test/helpers/folder-fingerprint';
import { makeTempDir, openTestApp } from '../../test/helpers/test-context';
import { dataFolderPaths, DATABASE_FILE, type AppContext } from '../app-context';
import { createFileKeyWrapper } from '../signing/file-key-wrapper';
import { openThroughRecoveryGate, type RecoveryGate } from './recovery-gate';

// A data folder is moved from one computer to another whose key store has never seen it (a
// re-imaged laptop): each computer's key store is a real AES-GCM wrapper over a secret of its
// own, kept outside the data folder, as the operating system's is.

const temps: { remove: () => void }[] = [];
const gates: RecoveryGate<AppContext>[] = [];
afterEach(() => {
  gates.splice(0).forEach((g) => g.close());
  temps.splice(0).forEach((t) => t.remove());
});
const folder = () => {
  const temp = makeTempDir('pxr-recovery-');
  temps.push(temp);
  return temp.dir;
};

/** A computer's key store: its secret lives in a folder of its own, never in the data folder. */
const computer = (): KeyWrapper => createFileKeyWrapper(folder());

function start(dataDir: string, keyStore: DatabaseKeyStore): RecoveryGate<AppContext> {
  const gate = openThroughRecoveryGate({
    paths: dataFolderPaths(dataDir, keyStore.fileName),
    keyStore,
    open: (key) => openTestApp(dataDir, key),
  });
  gates.push(gate);
  return gate;
}

async function call<C extends ChannelName>(
  gate: RecoveryGate<AppContext>,
  channel: C,
  request: RequestOf<C>,
): Promise<{ ok: true; value: ResponseOf<C> } | { ok: false; error: AppErrorShape }> {
  return (await gate.dispatch(channel, request)) as never;
}

async function value<C extends ChannelName>(
  gate: RecoveryGate<AppContext>,
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const result = await call(gate, channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** A data folder used on one computer: a round, and a recovery key made and kept. */
async function usedDataFolder(keyStoreFor: (dir: string) => DatabaseKeyStore) {
  const dir = folder();
  const gate = start(dir, keyStoreFor(dir));
  const round = await value(gate, 'rounds:create', {
    startsAt: new Date().toISOString(),
    site: 'Sutton',
    templateId: null,
    team: [],
  });
  expect(await value(gate, 'recovery:status', {})).toEqual({ state: 'open', madeAt: null });
  const made = await value(gate, 'recovery:create', {});
  await value(gate, 'recovery:confirm', { pendingId: made.pendingId });
  gate.close();
  gates.splice(gates.indexOf(gate), 1);
  return { dir, roundId: round.id, recoveryKey: made.groups.join('-') };
}

/** The folder copied elsewhere without the key file of the computer it came from. */
function moved(dir: string, leaveBehind: string): string {
  const to = folder();
  cpSync(dir, to, { recursive: true });
  rmSync(join(to, leaveBehind), { force: true });
  return to;
}

describe('opening a data folder with its recovery key', () => {
  it('opens a folder moved to a fresh key store, and stores the key for that computer', async () => {
    const first = computer();
    const { dir, roundId, recoveryKey } = await usedDataFolder((d) => wrappedKeyStore(d, first));
    const second = computer();
    const keyStore = wrappedKeyStore(dir, second);
    expect(keyStore.read()).toEqual({ ok: false, reason: 'unreadable' });

    const gate = start(dir, keyStore);
    expect(gate.context).toBeNull();
    expect(await value(gate, 'recovery:status', {})).toEqual({
      state: 'locked',
      reason: 'unreadable',
      dataFolder: dir,
    });
    const refused = await call(gate, 'rounds:list', {});
    expect(refused).toMatchObject({ ok: false, error: { kind: 'missing_data' } });

    expect(await value(gate, 'recovery:unlock', { recoveryKey: recoveryKey.toLowerCase() })).toEqual({
      opened: true,
    });
    expect((await value(gate, 'rounds:get', { roundId })).site).toBe('Sutton');
    const audit = gate
      .context!.store.sqlite.prepare(
        `SELECT action, entity FROM audit_log WHERE entity IN ('recovery_key', 'database_key') ORDER BY seq`,
      )
      .all();
    expect(audit).toEqual([
      { action: 'create', entity: 'recovery_key' },
      { action: 'update', entity: 'database_key' },
    ]);
    gate.close();

    // This computer now opens it by itself, and the recovery key still works later.
    expect(wrappedKeyStore(dir, second).read().ok).toBe(true);
    const again = start(dir, wrappedKeyStore(dir, second));
    expect(again.context).not.toBeNull();
    expect(await value(again, 'recovery:status', {})).toMatchObject({ state: 'open' });
  });

  it('opens a browser host folder copied without its key file', async () => {
    const { dir, roundId, recoveryKey } = await usedDataFolder(plainKeyStore);
    const copy = moved(dir, 'px-rounds.key');
    const gate = start(copy, plainKeyStore(copy));
    expect(await value(gate, 'recovery:status', {})).toMatchObject({ state: 'locked', reason: 'missing' });
    await value(gate, 'recovery:unlock', { recoveryKey });
    expect((await value(gate, 'rounds:get', { roundId })).site).toBe('Sutton');
    expect(readFileSync(join(copy, 'px-rounds.key'), 'utf8')).toBe(
      readFileSync(join(dir, 'px-rounds.key'), 'utf8'),
    );
  });

  it('refuses a wrong or mistyped recovery key with a clear message and changes nothing on disk', async () => {
    const first = computer();
    const { dir, recoveryKey } = await usedDataFolder((d) => wrappedKeyStore(d, first));
    const other = await usedDataFolder((d) => wrappedKeyStore(d, first));
    const before = folderFingerprint(dir);
    const gate = start(dir, wrappedKeyStore(dir, computer()));

    const wrong = await call(gate, 'recovery:unlock', { recoveryKey: other.recoveryKey });
    expect(wrong).toEqual({
      ok: false,
      error: {
        kind: 'validation',
        field: 'recoveryKey',
        message:
          'This recovery key does not open the data in this folder. Check that it is the recovery key made for this data (the newest one, if you have made more than one). Nothing has been changed.',
      },
    });
    const groups = recoveryKey.split('-');
    const typo = groups.map((g, i) => (i === 2 ? `${g[1]}${g[0]}${g.slice(2)}` : g)).join('-');
    const mistyped = await call(gate, 'recovery:unlock', { recoveryKey: typo });
    expect(mistyped).toMatchObject({
      ok: false,
      error: { field: 'recoveryKey', message: expect.stringMatching(/^Group 3 looks mistyped/) as unknown },
    });
    expect(folderFingerprint(dir)).toEqual(before);
    expect(gate.context).toBeNull();
  });

  it('keeps the earlier refusals where there is no recovery file', async () => {
    const dir = folder();
    start(dir, plainKeyStore(dir)).close();
    rmSync(join(dir, 'px-rounds.key'));
    const before = folderFingerprint(dir);
    expect(() => start(dir, plainKeyStore(dir))).toThrow(/The key that unlocks your data file is missing/);
    expect(folderFingerprint(dir)).toEqual(before);

    const first = computer();
    const wrapped = folder();
    start(wrapped, wrappedKeyStore(wrapped, first)).close();
    const wrappedBefore = folderFingerprint(wrapped);
    expect(() => start(wrapped, wrappedKeyStore(wrapped, computer()))).toThrow(
      /could not be read with this computer’s key store/,
    );
    expect(folderFingerprint(wrapped)).toEqual(wrappedBefore);
  });

  it('never makes a new database in a folder whose only sign of use is a recovery file', async () => {
    const { dir } = await usedDataFolder(plainKeyStore);
    const copy = moved(dir, 'px-rounds.key');
    rmSync(join(copy, DATABASE_FILE));
    rmSync(join(copy, 'backups'), { recursive: true, force: true });
    const before = folderFingerprint(copy);
    expect(() => start(copy, plainKeyStore(copy))).toThrow(/it holds its key/);
    expect(folderFingerprint(copy)).toEqual(before);
  });
});

describe('making a recovery key', () => {
  it('asks for a new one where the recovery file is damaged, and replaces it', async () => {
    const dir = folder();
    const gate = start(dir, plainKeyStore(dir));
    writeFileSync(join(dir, 'px-rounds.key.recovery'), '{"format":');
    expect(await value(gate, 'recovery:status', {})).toEqual({ state: 'open', madeAt: null });
    const made = await value(gate, 'recovery:create', {});
    const kept = await value(gate, 'recovery:confirm', { pendingId: made.pendingId });
    expect(await value(gate, 'recovery:status', {})).toEqual({ state: 'open', madeAt: kept.madeAt });
    const audit = gate
      .context!.store.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'recovery_key'`)
      .all();
    expect(audit).toEqual([{ action: 'update' }]);
  });

  it('writes nothing until it is confirmed, and a newer key replaces the older one', async () => {
    const dir = folder();
    const gate = start(dir, plainKeyStore(dir));
    const first = await value(gate, 'recovery:create', {});
    expect(first.groups).toHaveLength(8);
    expect(readdirSync(dir)).not.toContain('px-rounds.key.recovery');
    const second = await value(gate, 'recovery:create', {});
    expect(await call(gate, 'recovery:confirm', { pendingId: first.pendingId })).toMatchObject({
      ok: false,
      error: { field: 'pendingId' },
    });
    const kept = await value(gate, 'recovery:confirm', { pendingId: second.pendingId });
    expect(await value(gate, 'recovery:status', {})).toEqual({ state: 'open', madeAt: kept.madeAt });

    const third = await value(gate, 'recovery:create', {});
    await value(gate, 'recovery:confirm', { pendingId: third.pendingId });
    gate.close();
    const copy = moved(dir, 'px-rounds.key');
    const locked = start(copy, plainKeyStore(copy));
    expect(await call(locked, 'recovery:unlock', { recoveryKey: second.groups.join('') })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^This recovery key does not open/) as unknown },
    });
    await value(locked, 'recovery:unlock', { recoveryKey: third.groups.join(' ') });
    expect(locked.context).not.toBeNull();
  });
});
