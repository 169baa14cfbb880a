import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  exportRound,
  recordSignedWork,
  rewriteFrom,
  tamperWithDatabase,
} from '../../test/helpers/audit-fixtures';
import { signedOffRound } from '../../test/helpers/sign-off-fixtures';
import { contextForEachTest, createTestContext, type TestContext } from '../../test/helpers/test-context';
import { signAuditAnchor } from '../signing/audit-anchor';
import { createFileKeyWrapper } from '../signing/file-key-wrapper';
import { loadOrCreateSigningIdentity } from '../signing/signing-keys';
import { AUDIT_ANCHORS_FILE, readAnchorsFile } from './audit-anchors';

let ctx: TestContext;
contextForEachTest((fresh) => (ctx = fresh));

const checkFile = (fileName: string, bytes: Buffer) =>
  ctx.call('audit:check-document', { fileName, contentBase64: bytes.toString('base64') });

/**
 * Someone with the signing key as well as the database key signs new anchors for the rebuilt
 * log, so the laptop's own check finds nothing wrong.
 */
function reforgeAnchors(): void {
  const { identity } = loadOrCreateSigningIdentity(ctx.dataDir, createFileKeyWrapper(ctx.dataDir));
  const lines = readAnchorsFile(ctx.dataDir).anchors.map(({ anchor }) => {
    const hash = ctx.store.audit.recomputedHashAt(anchor.seq) ?? '';
    return JSON.stringify(
      signAuditAnchor(identity, { seq: anchor.seq, hash }, anchor.event, new Date(anchor.at)),
    );
  });
  writeFileSync(join(ctx.dataDir, AUDIT_ANCHORS_FILE), `${lines.join('\n')}\n`);
}

describe('checking the audit log against a document that left the laptop', () => {
  it('finds an untouched log in agreement with the export and the bundle', async () => {
    const { exported, bundle } = await recordSignedWork(ctx);
    const fromExport = await checkFile('summary.docx', readFileSync(exported.path));
    expect(fromExport.outcome).toBe('matches');
    expect(fromExport.message).toMatch(
      /^This computer’s audit log still holds, unchanged, all \d+ entries it held when this document was signed on /,
    );
    expect(await checkFile('bundle.pxbundle', bundle.bytes)).toMatchObject({ outcome: 'matches' });
  });

  it('catches a log rebuilt and re-anchored by someone holding both keys, which the laptop alone cannot', async () => {
    const { exported, bundle } = await recordSignedWork(ctx);
    // The document was signed just before its own export entry: at the head the sign-off left.
    const signedAt = readAnchorsFile(ctx.dataDir).anchors[0]!.anchor.seq;
    ctx = tamperWithDatabase(ctx, (sqlite) => rewriteFrom(sqlite, 2));
    reforgeAnchors();
    // The laptop's own check is fooled: every anchor on it was signed again for the new log.
    expect(await ctx.call('audit:verify', {})).toMatchObject({ ok: true, findings: [] });

    const fromExport = await checkFile('summary.docx', readFileSync(exported.path));
    expect(fromExport.outcome).toBe('rewritten');
    expect(fromExport.seq).toBe(signedAt);
    expect(fromExport.message).toMatch(
      /^This computer’s audit log has been changed since this document was signed on .*: entry \d+ is not the entry it was then, and the log was rebuilt to hide it\.$/,
    );
    expect(await checkFile('bundle.pxbundle', bundle.bytes)).toMatchObject({ outcome: 'rewritten' });
  });

  it('catches entries cut from the end since the document was signed', async () => {
    const { bundle } = await recordSignedWork(ctx);
    const { seq } = ctx.store.audit.head();
    ctx = tamperWithDatabase(ctx, (sqlite) =>
      sqlite.prepare('DELETE FROM audit_log WHERE seq > ?').run(seq - 4),
    );
    const result = await checkFile('bundle.pxbundle', bundle.bytes);
    expect(result).toMatchObject({ outcome: 'truncated' });
    expect(result.message).toContain(`it now ends at entry ${seq - 4}`);
  });

  it('will not compare a changed document, another computer’s document, or another kind of file', async () => {
    const { exported } = await recordSignedWork(ctx);
    const changed = Buffer.from(readFileSync(exported.path));
    changed[100] = changed[100]! ^ 0xff;
    expect(await checkFile('summary.docx', changed)).toMatchObject({
      outcome: 'not_checkable',
      message: expect.stringMatching(/^This document is not as it was signed/) as string,
    });

    const otherCtx = createTestContext();
    try {
      const { roundId } = await signedOffRound(otherCtx);
      const theirs = await exportRound(otherCtx, roundId);
      expect(await checkFile('theirs.docx', readFileSync(theirs.path))).toMatchObject({
        outcome: 'not_checkable',
        message: expect.stringMatching(/was signed on another computer/) as string,
      });
    } finally {
      otherCtx.dispose();
    }
    expect(await checkFile('notes.txt', Buffer.from('hello'))).toMatchObject({
      outcome: 'not_checkable',
      message: 'This is neither a PX Rounds export (.docx) nor a PEIG bundle (.pxbundle).',
    });
  });
});
