import { describe, expect, it } from 'vitest';
import { contextForEachTest } from '../test/helpers/test-context';
import { canonicalJson, fingerprint, GENESIS_HASH, type AuditRow } from './audit-log';

const ctx = contextForEachTest();

const rows = () => ctx.store.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];

async function recordSomeWork() {
  const round = await ctx.call('rounds:create', {
    startsAt: new Date().toISOString(),
    site: 'Sutton',
    templateId: null,
    team: [],
  });
  const area = await ctx.call('areas:add', { roundId: round.id, name: 'Ward 1' });
  const obs = await ctx.call('observations:create', {
    roundId: round.id,
    areaId: area.areaId,
    kind: 'heard',
    source: 'carer_family',
    text: 'Nobody told us when visiting ends',
    promptId: null,
  });
  await ctx.call('observations:update', {
    id: obs.id,
    changes: { text: 'Nobody told us when visiting time ends' },
  });
  await ctx.call('observations:delete', { id: obs.id });
  await ctx.call('rounds:complete', { roundId: round.id });
  return { round, obs };
}

describe('audit log', () => {
  it('records every create, update, delete and completion, each linked to the one before', async () => {
    const { round, obs } = await recordSomeWork();
    const log = rows();
    expect(log.map((r) => [r.action, r.entity])).toEqual([
      ['create', 'round'],
      ['create', 'round_area'],
      ['create', 'observation'],
      ['update', 'observation'],
      ['delete', 'observation'],
      ['complete', 'round'],
    ]);
    expect(log[0]!.prev_hash).toBe(GENESIS_HASH);
    log.slice(1).forEach((row, i) => expect(row.prev_hash).toBe(log[i]!.hash));
    expect(log.every((r) => r.actor === 'test-user')).toBe(true);
    expect(log[0]!.entity_id).toBe(round.id);
    // What people wrote is kept as a fingerprint: the log can never be purged of it.
    expect(JSON.parse(log[3]!.detail)).toMatchObject({
      text: fingerprint('Nobody told us when visiting time ends'),
    });
    expect(JSON.parse(log[4]!.detail)).toMatchObject({
      text: fingerprint('Nobody told us when visiting time ends'),
    });
    expect(log.some((r) => r.detail.includes('Nobody told us'))).toBe(false);
    expect(log[4]!.entity_id).toBe(obs.id);
    expect(await ctx.call('audit:verify', {})).toMatchObject({ ok: true, entries: 6, brokenAt: null });
  });

  it('detects an edited entry, even when the append-only guard has been removed', async () => {
    await recordSomeWork();
    ctx.store.sqlite.exec('DROP TRIGGER audit_log_no_update');
    ctx.store.sqlite.exec('UPDATE audit_log SET detail = \'{"text":"something kinder"}\' WHERE seq = 5');
    expect(await ctx.call('audit:verify', {})).toMatchObject({ ok: false, entries: 4, brokenAt: 5 });
  });

  it('detects a removed entry', async () => {
    await recordSomeWork();
    ctx.store.sqlite.exec('DROP TRIGGER audit_log_no_delete');
    ctx.store.sqlite.exec('DELETE FROM audit_log WHERE seq = 3');
    expect((await ctx.call('audit:verify', {})).brokenAt).toBe(4);
  });

  it('detects an entry rewritten with a recomputed hash, because the next one no longer links', async () => {
    await recordSomeWork();
    ctx.store.sqlite.exec('DROP TRIGGER audit_log_no_update');
    ctx.store.sqlite.exec(
      "UPDATE audit_log SET hash = (CASE WHEN substr(hash, 1, 1) = '0' THEN '1' ELSE '0' END) || substr(hash, 2) WHERE seq = 2",
    );
    expect((await ctx.call('audit:verify', {})).brokenAt).toBe(2);
  });

  it('writes no entry when the change itself fails', async () => {
    const before = rows().length;
    const result = await ctx.dispatch('areas:add', {
      roundId: '00000000-0000-4000-8000-000000000000',
      name: 'Ward 1',
    });
    expect(result.ok).toBe(false);
    expect(rows()).toHaveLength(before);
  });

  it('hashes details canonically, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 4, e: 5 }] } })).toBe(
      '{"a":{"c":[3,{"e":5,"f":4}],"d":2},"b":1}',
    );
  });
});
