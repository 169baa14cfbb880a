import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditAnchorDto } from '../../ipc/audit-schemas';
import {
  exportRound as exportRoundOf,
  recordSignedWork as recordSignedWorkOf,
  rewriteFrom,
  tamperWithDatabase as tamper,
} from '../../test/helpers/audit-fixtures';
import { bundlesDepsOf, exchangeCollectionKey, sendBundle } from '../../test/helpers/bundle-fixtures';
import { signedOffRound } from '../../test/helpers/sign-off-fixtures';
import { contextForEachTest, createTestContext, type TestContext } from '../../test/helpers/test-context';
import { readBundleEnvelope } from '../bundles/bundle-file';
import { auditAnchorSignatureValid } from '../signing/audit-anchor';
import { MANIFEST_PART } from '../signing/opc-package';
import { parseManifest } from '../signing/signature-manifest';
import { entryContent, readZip } from '../signing/zip-container';
import { AUDIT_ANCHORS_FILE, readAnchorsFile } from './audit-anchors';

let ctx: TestContext;
contextForEachTest((fresh) => (ctx = fresh));

const anchorsPath = () => join(ctx.dataDir, AUDIT_ANCHORS_FILE);
const anchors = () => readAnchorsFile(ctx.dataDir).anchors.map((s) => s.anchor);
const events = () => anchors().map((a) => a.event);
const lastSeq = () =>
  (ctx.store.sqlite.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number | null) ?? 0;

const exportRound = (roundId: string) => exportRoundOf(ctx, roundId);
const recordSignedWork = () => recordSignedWorkOf(ctx);
const tamperWithDatabase = (work: Parameters<typeof tamper>[1]) => {
  ctx = tamper(ctx, work);
};

describe('audit anchors', () => {
  it('writes an anchor of the head at each sign-off, export, bundle and backup', async () => {
    const { roundId } = await signedOffRound(ctx);
    expect(events()).toEqual(['sign_off']);
    expect(anchors()[0]).toMatchObject({ seq: lastSeq() });
    await exportRound(roundId);
    expect(events()).toEqual(['sign_off', 'export']);
    // The export's own audit entry is inside the anchored head.
    expect(anchors()[1]!.seq).toBe(lastSeq());
    const leadCtx = createTestContext();
    const deps = bundlesDepsOf(ctx);
    sendBundle(deps, exchangeCollectionKey(bundlesDepsOf(leadCtx), [deps]));
    leadCtx.dispose();
    expect(events()).toEqual(['sign_off', 'export', 'bundle']);
    await ctx.call('backups:create', {});
    expect(events()).toEqual(['sign_off', 'export', 'bundle', 'backup']);
    const identity = await ctx.call('signing:identity', {});
    expect(anchors().every((a) => a.keyId === identity.keyId)).toBe(true);
  });

  it('anchors the daily backup once a signing key exists, and never makes a key for it', async () => {
    // The backup's age is read from its file's time, so the clock starts from the real one.
    let now = new Date();
    const clock = () => now;
    let local = createTestContext({ now: clock });
    try {
      // The first start's daily backup comes before any key: nothing is signed, no key is made.
      expect(readAnchorsFile(local.dataDir).anchors).toEqual([]);
      await local.call('signing:identity', {});
      now = new Date(now.getTime() + 25 * 60 * 60 * 1000);
      local = local.reopen();
      const written = readAnchorsFile(local.dataDir).anchors.map((s) => s.anchor);
      expect(written.map((a) => [a.event, a.at])).toEqual([['backup', now.toISOString()]]);
      expect(written[0]!.seq).toBe(local.store.audit.head().seq);
    } finally {
      local.dispose();
    }
  });

  it('puts a signed anchor in each export’s manifest and each bundle’s header', async () => {
    const { exported, bundle } = await recordSignedWork();
    const identity = await ctx.call('signing:identity', {});
    const zip = readZip(readFileSync(exported.path));
    const parsed = parseManifest(entryContent(zip.find((e) => e.name === MANIFEST_PART)!));
    if ('error' in parsed) throw new Error(parsed.error);
    const inManifest = parsed.manifest.auditAnchor as AuditAnchorDto;
    expect(inManifest).toMatchObject({ event: 'export', keyId: identity.keyId });
    const inHeader = readBundleEnvelope(bundle.bytes).header.auditAnchor as AuditAnchorDto;
    expect(inHeader).toMatchObject({ event: 'bundle', keyId: identity.keyId });
    const publicKey = readBundleEnvelope(bundle.bytes).contributorKey;
    for (const anchor of [inManifest, inHeader]) {
      expect(auditAnchorSignatureValid(anchor, publicKey)).toBe(true);
      expect(ctx.store.audit.recomputedHashAt(anchor.seq)).toBe(anchor.headHash);
    }
    expect(auditAnchorSignatureValid({ ...inHeader, seq: inHeader.seq + 1 }, publicKey)).toBe(false);
  });

  it('reports an untouched log as intact, matching every anchor', async () => {
    await recordSignedWork();
    const check = await ctx.call('audit:verify', {});
    expect(check).toMatchObject({ ok: true, brokenAt: null, anchors: 4, findings: [] });
    expect(check.latestAnchor).toMatchObject({ event: 'backup', seq: lastSeq() });
    expect(check.summary).toMatch(/^The audit log is intact: \d+ entries, .* matches all 4 signed anchors/);
  });

  it('reports entries deleted from the end, which the hash chain alone cannot see', async () => {
    await recordSignedWork();
    const before = lastSeq();
    tamperWithDatabase((sqlite) => sqlite.prepare('DELETE FROM audit_log WHERE seq > ?').run(before - 3));
    const check = await ctx.call('audit:verify', {});
    expect(check.brokenAt).toBeNull();
    expect(check.ok).toBe(false);
    expect(check.findings).toEqual([
      {
        kind: 'truncated',
        seq: before - 2,
        message: expect.stringMatching(
          new RegExp(
            `^Entries have been deleted from the end of the audit log\\. It now ends at entry ${before - 3}, but at a backup on .* it was signed as reaching entry ${before}\\.$`,
          ),
        ) as string,
      },
    ]);
  });

  it('reports an entry edited and every later hash recomputed', async () => {
    await recordSignedWork();
    const firstAnchor = anchors()[0]!.seq;
    tamperWithDatabase((sqlite) => rewriteFrom(sqlite, firstAnchor + 1));
    const check = await ctx.call('audit:verify', {});
    expect(check.brokenAt).toBeNull();
    expect(check.findings).toHaveLength(1);
    expect(check.findings[0]).toMatchObject({ kind: 'rewritten', seq: anchors()[1]!.seq });
    expect(check.findings[0]!.message).toContain(
      `The change is between entry ${firstAnchor + 1} and entry ${anchors()[1]!.seq}.`,
    );
    expect(check.summary).toMatch(/tampered with: 1 problem found/);
  });

  it('reports a tampered anchor, and a line that is not an anchor, and leaves them out', async () => {
    await recordSignedWork();
    const lines = readFileSync(anchorsPath(), 'utf8').trimEnd().split('\n');
    const forged = { ...(JSON.parse(lines[3]!) as AuditAnchorDto), seq: 3 };
    writeFileSync(
      anchorsPath(),
      [...lines.slice(0, 3), JSON.stringify(forged), 'not an anchor', ''].join('\n'),
    );
    const check = await ctx.call('audit:verify', {});
    expect(check.ok).toBe(false);
    expect(check.anchors).toBe(3);
    expect(check.findings.map((f) => f.kind)).toEqual(['anchors_unreadable', 'anchor_invalid']);
    expect(check.findings[0]!.message).toContain('line 5 could not be read');
    expect(check.findings[1]!.message).toContain(`line 4 of ${AUDIT_ANCHORS_FILE}`);
  });

  it('reads a restored backup as a restore, not a cut, and still checks what came before', async () => {
    const { roundId } = await signedOffRound(ctx);
    await ctx.call('backups:create', {});
    const [backup] = await ctx.call('backups:list', {});
    await exportRound(roundId);
    await ctx.call('backups:restore', { name: backup!.name });
    expect(events()).toEqual(['sign_off', 'backup', 'export', 'restore']);
    expect(await ctx.call('audit:verify', {})).toMatchObject({ ok: true, anchors: 3, findings: [] });
  });

  it('says so plainly when nothing has been anchored yet', async () => {
    const check = await ctx.call('audit:verify', {});
    expect(check).toMatchObject({ ok: true, anchors: 0, latestAnchor: null, findings: [] });
    expect(check.summary).toContain('It has no signed anchors yet');
  });
});
