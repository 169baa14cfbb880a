import { rmSync } from 'node:fs';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3-multiple-ciphers';
import { hashEntry, type AuditRow } from '../../db/audit-log';
import { DATABASE_FILE } from '../../domain/app-context';
import { bundlesDepsOf, exchangeCollectionKey, sendBundle } from './bundle-fixtures';
import { signedOffRound } from './sign-off-fixtures';
import { createTestContext, makeTempDir, type TestContext } from './test-context';

type Sqlite = InstanceType<typeof DatabaseConstructor>;

export async function exportRound(ctx: TestContext, roundId: string) {
  const started = await ctx.call('exports:start', {
    documentType: 'round_summary',
    roundId,
    personalDataConfirmed: true,
  });
  const finished = await ctx.exportJobs.settled(started.jobId);
  if (finished.result === null) throw new Error(`export failed: ${JSON.stringify(finished.error)}`);
  return finished.result;
}

/** A sign-off, an export, a bundle and a backup: the four moments an anchor is written. */
export async function recordSignedWork(ctx: TestContext) {
  const { roundId } = await signedOffRound(ctx);
  const exported = await exportRound(ctx, roundId);
  const lead = makeTempDir();
  const leadCtx = createTestContext({ dataDir: lead.dir, remove: lead.remove });
  try {
    const deps = bundlesDepsOf(ctx);
    const bundle = sendBundle(deps, exchangeCollectionKey(bundlesDepsOf(leadCtx), [deps]));
    await ctx.call('backups:create', {});
    return { roundId, exported, bundle };
  } finally {
    leadCtx.dispose();
  }
}

/**
 * What someone holding the database key can do with the app closed: open the file, drop the
 * append-only triggers, and change the log as they like. Returns the context opened again.
 */
export function tamperWithDatabase(ctx: TestContext, work: (sqlite: Sqlite) => void): TestContext {
  const { dataDir, key } = ctx;
  ctx.close();
  const sqlite = new DatabaseConstructor(join(dataDir, DATABASE_FILE));
  sqlite.pragma(`cipher = 'aegis'`);
  sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
  for (const trigger of ['audit_log_no_update', 'audit_log_no_delete', 'audit_log_no_replace']) {
    sqlite.exec(`DROP TRIGGER IF EXISTS ${trigger}`);
  }
  work(sqlite);
  sqlite.close();
  return createTestContext({ dataDir, key, remove: () => rmSync(dataDir, { recursive: true, force: true }) });
}

/** Edits one entry and recomputes its hash and every later one, so the chain links again. */
export function rewriteFrom(sqlite: Sqlite, seq: number): void {
  sqlite.prepare(`UPDATE audit_log SET detail = '{"note":"nothing happened"}' WHERE seq = ?`).run(seq);
  const rows = sqlite.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(seq) as AuditRow[];
  let prev =
    (sqlite
      .prepare('SELECT hash FROM audit_log WHERE seq = ?')
      .pluck()
      .get(seq - 1) as string | undefined) ?? '0'.repeat(64);
  const update = sqlite.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const row of rows) {
    const { hash: _old, ...rest } = { ...row, prev_hash: prev };
    const hash = hashEntry(rest);
    update.run(prev, hash, row.seq);
    prev = hash;
  }
}
