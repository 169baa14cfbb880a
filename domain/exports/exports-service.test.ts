import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RequestOf } from '../../ipc/contract';
import { signedOffFifteenStepsRound } from '../../test/helpers/export-fixtures';
import { contextForEachTest, createTestContext, type TestContext } from '../../test/helpers/test-context';
import { approvedStory, approvedStoryForTrainingOnly, auditEntries } from '../../test/helpers/story-fixtures';
import {
  decideAll,
  ROUND_TEXTS,
  signedOffRound,
  signedOffStory,
  SIGNER,
} from '../../test/helpers/sign-off-fixtures';
import { verifySidecarSignature } from '../signing/verify-export';
import { OWN_KEY_NAME } from './verify-service';
import { calendarDateIn } from '../time/trust-time';
import { docxPart, paragraphTexts } from './fixtures/docx-parts';

let ctx: TestContext;
contextForEachTest((fresh) => (ctx = fresh));

const documentText = (path: string) =>
  paragraphTexts(docxPart(readFileSync(path), 'word/document.xml')).join('\n');
const exportsWritten = () => (existsSync(ctx.exportsDir) ? readdirSync(ctx.exportsDir) : []);
const exportAudits = () =>
  ctx.store.sqlite
    .prepare("SELECT entity, entity_id, detail FROM audit_log WHERE action = 'export'")
    .all() as {
    entity: string;
    entity_id: string;
    detail: string;
  }[];
const storyExports = () => ctx.store.sqlite.prepare('SELECT * FROM exports ORDER BY id').all();

async function exportAndWait(request: RequestOf<'exports:start'>) {
  const started = await ctx.call('exports:start', request);
  expect(started.state).toBe('running');
  const finished = await ctx.exportJobs.settled(started.jobId);
  expect(await ctx.call('exports:status', { jobId: started.jobId })).toEqual(finished);
  return finished;
}

const today = () => calendarDateIn(new Date());
const period = () => ({
  from: today(),
  to: today(),
  ...SIGNER,
  attestation: 'I confirm this report fairly summarises the period.',
  personalDataConfirmed: true as const,
});

describe('exporting a signed-off round summary', () => {
  it('writes a signed .docx and its .sig in the exports folder, valid and trusted as the user’s own', async () => {
    const { roundId, signOff } = await signedOffRound(ctx);
    const job = await exportAndWait({ documentType: 'round_summary', roundId, personalDataConfirmed: true });
    expect(job).toMatchObject({ state: 'done', progress: 1, error: null });
    const file = job.result!;
    expect(file.path).toBe(join(ctx.exportsDir, file.fileName));
    expect(file.fileName).toMatch(/^Round summary Sutton \d{4}-\d\d-\d\d\.docx$/);
    expect(file.sidecarPath).toBe(`${file.path}.sig`);
    expect(file.fingerprint).toBe(signOff.fingerprint);
    const bytes = readFileSync(file.path);
    expect(bytes.length).toBe(file.bytes);
    expect(
      verifySidecarSignature(
        bytes,
        readFileSync(file.sidecarPath),
        (await ctx.call('signing:identity', {})).publicKeyPem,
      ),
    ).toBe(true);

    const verified = await ctx.call('exports:verify', {
      fileName: file.fileName,
      contentBase64: bytes.toString('base64'),
    });
    expect(verified).toMatchObject({
      valid: true,
      trusted: true,
      signer: { name: SIGNER.signerName, role: SIGNER.signerRole },
      keyId: signOff.keyId,
      signedAt: signOff.signedAt,
      documentType: 'round_summary',
      problems: [],
    });
  });

  it('prints the observations with redactions applied and kept names kept, and the sign-off', async () => {
    const { roundId } = await signedOffRound(ctx);
    const job = await exportAndWait({ documentType: 'round_summary', roundId, personalDataConfirmed: true });
    const text = documentText(job.result!.path);
    expect(text).toContain(ROUND_TEXTS.calm);
    expect(text).toContain(ROUND_TEXTS.quote);
    expect(text).toContain('Sarah Jones');
    expect(text).not.toContain('07700 900123');
    expect(text).toContain('Helen Adeyemi');
    expect(text).toContain('Oak Ward');
  });

  it('records the export in the audit log with the file’s hash and the signer', async () => {
    const { roundId } = await signedOffRound(ctx);
    const job = await exportAndWait({ documentType: 'round_summary', roundId, personalDataConfirmed: true });
    const audits = exportAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entity: 'round_summary', entity_id: roundId });
    expect(JSON.parse(audits[0]!.detail)).toMatchObject({
      fileName: job.result!.fileName,
      sha256: job.result!.sha256,
      signerName: SIGNER.signerName,
    });
    expect(ctx.store.audit.verify().ok).toBe(true);
  });

  it('refuses a round that is not signed off, before any work, naming what to do', async () => {
    const { roundWithAreas } = await import('../../test/helpers/round-fixtures');
    const { roundId } = await roundWithAreas(ctx, 'Sutton', ['Oak Ward']);
    const result = await ctx.dispatch('exports:start', {
      documentType: 'round_summary',
      roundId,
      personalDataConfirmed: true,
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', field: 'signOff' } });
    expect(exportsWritten()).toEqual([]);
  });

  it('refuses when a personal detail found after sign-off has no decision, and writes nothing', async () => {
    const { roundId } = await signedOffRound(ctx);
    // A staff name added to the list after sign-off ("Rose", as in "the Rose Garden") makes a
    // new finding in a locked observation, which nobody has decided.
    await ctx.call('settings:set-staff-names', { names: ['Rose'] });
    const result = await ctx.dispatch('exports:start', {
      documentType: 'round_summary',
      roundId,
      personalDataConfirmed: true,
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', field: 'personalData' } });
    if (!result.ok) expect(result.error.message).toMatch(/needs? a decision/);
    expect(exportsWritten()).toEqual([]);
    expect(exportAudits()).toEqual([]);
  });
});

describe('never overwriting without asking', () => {
  it('refuses an existing name with field "overwrite", then replaces it when asked to', async () => {
    const { roundId } = await signedOffRound(ctx);
    const request = {
      documentType: 'round_summary',
      roundId,
      personalDataConfirmed: true,
      fileName: 'PEIG round.docx',
    } as const;
    const first = await exportAndWait(request);
    const before = readFileSync(first.result!.path);
    const refused = await ctx.dispatch('exports:start', request);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'validation', field: 'overwrite' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/PEIG round.docx already exists/);
    expect(readFileSync(first.result!.path).equals(before)).toBe(true);

    const replaced = await exportAndWait({ ...request, overwrite: true });
    expect(replaced.state).toBe('done');
    expect(exportsWritten().toSorted()).toEqual(['PEIG round.docx', 'PEIG round.docx.sig']);
    expect(JSON.parse(exportAudits()[1]!.detail)).toMatchObject({ replaced: true });
  });

  it('fails the job, writing nothing, when the name is taken while it runs', async () => {
    const { roundId } = await signedOffRound(ctx);
    const request = {
      documentType: 'round_summary',
      roundId,
      personalDataConfirmed: true,
      fileName: 'race.docx',
    } as const;
    const started = await ctx.call('exports:start', request);
    const other = await ctx.call('exports:start', request);
    const [a, b] = [await ctx.exportJobs.settled(started.jobId), await ctx.exportJobs.settled(other.jobId)];
    expect([a.state, b.state].toSorted()).toEqual(['done', 'failed']);
    const failed = a.state === 'failed' ? a : b;
    expect(failed.error).toMatchObject({ kind: 'validation', field: 'overwrite' });
    expect(exportAudits()).toHaveLength(1);
  });
});

describe('cancelling an export', () => {
  it('stops between stages and leaves no file, no audit entry and no record of the story', async () => {
    const { story } = await signedOffStory(ctx);
    const started = await ctx.call('exports:start', {
      documentType: 'story',
      storyId: story.id,
      audience: 'peig',
      personalDataConfirmed: true,
    });
    const cancelled = await ctx.call('exports:cancel', { jobId: started.jobId });
    expect(cancelled).toMatchObject({ state: 'cancelled', result: null });
    const settled = await ctx.exportJobs.settled(started.jobId);
    expect(settled.state).toBe('cancelled');
    expect(exportsWritten()).toEqual([]);
    expect(exportAudits()).toEqual([]);
    expect(storyExports()).toEqual([]);
  });

  it('leaves a finished export as it is', async () => {
    const { roundId } = await signedOffRound(ctx);
    const job = await exportAndWait({ documentType: 'round_summary', roundId, personalDataConfirmed: true });
    expect(await ctx.call('exports:cancel', { jobId: job.jobId })).toEqual(job);
    expect(existsSync(job.result!.path)).toBe(true);
  });

  it('forgets finished jobs after a while', async () => {
    let now = new Date();
    ctx.dispose();
    ctx = createTestContext({ now: () => now });
    const { roundId } = await signedOffRound(ctx);
    const job = await exportAndWait({ documentType: 'round_summary', roundId, personalDataConfirmed: true });
    now = new Date(now.getTime() + 11 * 60 * 1000);
    expect(await ctx.dispatch('exports:status', { jobId: job.jobId })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });
});

describe('exporting a story', () => {
  it('writes it for an audience its consent covers, and records where it went', async () => {
    const { story } = await signedOffStory(ctx, { scopes: ['peig', 'trust_internal', 'staff_training'] });
    const job = await exportAndWait({
      documentType: 'story',
      storyId: story.id,
      audience: 'staff_training',
      personalDataConfirmed: true,
    });
    expect(job.state).toBe('done');
    expect(storyExports()).toMatchObject([
      {
        story_id: story.id,
        kind: 'story',
        file_name: job.result!.fileName,
        scope: 'staff_training',
        identity: 'anonymised',
      },
    ]);
    const detail = await ctx.call('stories:get', { id: story.id });
    expect(detail.exports).toMatchObject([{ fileName: job.result!.fileName, scope: 'staff_training' }]);
    expect(documentText(job.result!.path)).toContain('Nobody told me when the scan results would come.');
    expect(auditEntries(ctx, story.id).filter((e) => e.action === 'export')).toHaveLength(1);
  });

  it('refuses an audience the consent does not cover, and one withdrawn, writing and recording nothing', async () => {
    const { story } = await signedOffStory(ctx, { scopes: ['peig'] });
    const request = { documentType: 'story', storyId: story.id, personalDataConfirmed: true } as const;
    const wider = await ctx.dispatch('exports:start', { ...request, audience: 'public' });
    expect(wider).toMatchObject({ ok: false, error: { kind: 'validation', field: 'consent' } });
    if (!wider.ok) expect(wider.error.message).toBe('The storyteller did not agree to public use.');

    await ctx.call('stories:withdraw-consent', { id: story.id, withdrawnOn: today() });
    const withdrawn = await ctx.dispatch('exports:start', { ...request, audience: 'peig' });
    expect(withdrawn).toMatchObject({ ok: false, error: { kind: 'validation', field: 'consent' } });
    if (!withdrawn.ok) expect(withdrawn.error.message).toMatch(/withdrawn consent/);
    expect(exportsWritten()).toEqual([]);
    expect(storyExports()).toEqual([]);
  });

  it('refuses a story that has not been signed off', async () => {
    const story = await approvedStory(ctx);
    const result = await ctx.dispatch('exports:start', {
      documentType: 'story',
      storyId: story.id,
      audience: 'peig',
      personalDataConfirmed: true,
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', field: 'signOff' } });
  });
});

describe('the PEIG period report', () => {
  it('counts the period’s rounds, quotes only signed-off ones, includes approved stories and leaves withdrawn ones out', async () => {
    await signedOffRound(ctx);
    const kept = await signedOffStory(ctx);
    const gone = await approvedStory(ctx);
    await ctx.call('stories:withdraw-consent', { id: gone.id, withdrawnOn: today() });

    const job = await exportAndWait({ documentType: 'period_report', site: null, ...period() });
    expect(job.state).toBe('done');
    const text = documentText(job.result!.path);
    expect(text).toContain(ROUND_TEXTS.quote);
    expect(text).toContain('Helen Adeyemi');
    expect(storyExports()).toMatchObject([
      { story_id: kept.story.id, kind: 'period_report', scope: 'peig', identity: 'anonymised' },
    ]);
    const verified = await ctx.call('exports:verify', {
      fileName: job.result!.fileName,
      contentBase64: readFileSync(job.result!.path).toString('base64'),
    });
    expect(verified).toMatchObject({ valid: true, documentType: 'period_report' });
  });

  it('says which approved stories it leaves out and why, never that none were approved', async () => {
    await signedOffRound(ctx);
    await approvedStoryForTrainingOnly(ctx);
    const job = await exportAndWait({ documentType: 'period_report', site: null, ...period() });
    const text = documentText(job.result!.path);
    expect(text).toContain(
      '1 patient story was approved. 1 approved story is not included: its consent does not cover PEIG.',
    );
    expect(text).toContain('No story approved in this period may be shared with PEIG.');
    expect(text).not.toContain('No patient stories were approved');
    expect(text).not.toContain('0 patient stories');
    // The export form asks first, and says the same before anything is made.
    const preview = await ctx.call('exports:period-preview', { from: today(), to: today(), site: null });
    expect(preview.leftOut).toEqual(['1 approved story is not included: its consent does not cover PEIG.']);
  });

  it('refuses when an included story has an undecided personal detail', async () => {
    await ctx.call('settings:set-staff-names', { names: ['Ada Obi'] });
    const withName = await ctx.call('stories:create', {
      title: 'A good week',
      storyteller: 'carer_family',
      author: 'Dr Ada Obi',
      narrative: 'Ada Obi explained everything to my mother.',
    });
    await ctx.call('stories:record-consent', {
      id: withName.id,
      givenOn: today(),
      method: 'written',
      recordedBy: 'Dr Ada Obi',
      scopes: ['peig'],
      identity: 'anonymised',
    });
    await ctx.call('stories:record-read-back', {
      id: withName.id,
      checkedOn: today(),
      method: 'phone',
      textHash: withName.textHash,
    });
    await ctx.call('stories:approve', { id: withName.id });
    const result = await ctx.dispatch('exports:start', {
      documentType: 'period_report',
      site: null,
      ...period(),
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', field: 'personalData' } });
    expect(exportsWritten()).toEqual([]);

    await decideAll(ctx, 'story', withName.id);
    const ok = await ctx.dispatch('exports:start', {
      documentType: 'period_report',
      site: null,
      ...period(),
    });
    expect(ok.ok).toBe(true);
  });
});

describe('the “You said, we did” poster', () => {
  async function doneAction(evidence: string, said = 'The door to the bay sticks and wakes patients.') {
    const action = await ctx.call('actions:create', {
      said,
      willDo: 'Ward manager to review the door with estates.',
      ownerName: 'Estates helpdesk',
    });
    if (evidence !== '') await ctx.call('actions:update', { id: action.id, changes: { evidence } });
    await ctx.call('actions:set-status', { id: action.id, status: 'done', reason: 'Fixed on Tuesday' });
    return action;
  }

  it('puts what was done beside what was said, never the plan, in either orientation', async () => {
    await doneAction('We fixed the door so it closes quietly.');
    await doneAction('', 'The lights in the bay are too bright at night.');
    for (const orientation of ['portrait', 'landscape'] as const) {
      const job = await exportAndWait({
        documentType: 'you_said_we_did',
        areaId: null,
        orientation,
        ...period(),
      });
      expect(job.state).toBe('done');
      expect(job.result!.fileName).toContain(orientation);
      const text = documentText(job.result!.path);
      expect(text).toContain('The door to the bay sticks and wakes patients.');
      expect(text).toContain('We fixed the door so it closes quietly.');
      expect(text).not.toContain('Ward manager to review');
      // An action that does not say what was done stays off the poster.
      expect(text).not.toContain('The lights in the bay');
    }
  });

  it('refuses when no finished action says what was done', async () => {
    await doneAction('');
    const result = await ctx.dispatch('exports:start', {
      documentType: 'you_said_we_did',
      areaId: null,
      ...period(),
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } });
    if (!result.ok) expect(result.error.message).toMatch(/does not say what was done/);
    expect(exportsWritten()).toEqual([]);
  });

  it('refuses personal data in what was done before the export starts', async () => {
    await doneAction('We rang Mrs Smith on 07700 900123 to say the door is fixed.');
    const result = await ctx.dispatch('exports:start', {
      documentType: 'you_said_we_did',
      areaId: null,
      ...period(),
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', field: 'personalData' } });
    expect(exportsWritten()).toEqual([]);
  });

  it('refuses jargon on the poster before the export starts', async () => {
    await doneAction('Pharmacy now has TTOs ready before noon.', 'The TTO took hours.');
    const result = await ctx.dispatch('exports:start', {
      documentType: 'you_said_we_did',
      areaId: null,
      ...period(),
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', field: 'items' } });
    if (!result.ok) expect(result.error.message).toMatch(/TTO/);
    expect(exportsWritten()).toEqual([]);
  });

  it('says so when nothing was finished in the period', async () => {
    const result = await ctx.dispatch('exports:start', {
      documentType: 'you_said_we_did',
      areaId: null,
      ...period(),
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', field: 'from' } });
  });
});

describe('a round on the 15 Steps question set', () => {
  it('groups observations under the 15 Steps domains they were tagged with', async () => {
    const round = await signedOffFifteenStepsRound(ctx);
    const job = await exportAndWait({
      documentType: 'round_summary',
      roundId: round.roundId,
      personalDataConfirmed: true,
    });
    const text = documentText(job.result!.path);
    expect(text).toContain('Questions used: 15 Steps Challenge');
    expect(text).toContain('Well organised and calm (1)');
    expect(text).toContain('Caring and involving (1)');
    expect(text).toContain('Also: Listen and learn');
    expect(text).toContain('Not linked to a theme (2)');
  });
});

describe('personal details kept at review', () => {
  it('print in the round summary with the reason they were kept', async () => {
    const { roundId } = await signedOffRound(ctx);
    const job = await exportAndWait({ documentType: 'round_summary', roundId, personalDataConfirmed: true });
    const text = documentText(job.result!.path);
    expect(text).toContain(ROUND_TEXTS.praise);
    expect(text).toContain(
      'Personal detail kept: “Nurse Sarah Jones” (a name), because: Staff member named for praise, with their agreement',
    );
  });
});

describe('verifying a file', () => {
  it('reports a changed file as invalid and an unknown signer as untrusted', async () => {
    const { roundId } = await signedOffRound(ctx);
    const job = await exportAndWait({ documentType: 'round_summary', roundId, personalDataConfirmed: true });
    const bytes = readFileSync(job.result!.path);
    const changed = Buffer.from(bytes);
    changed[300] = (changed[300] as number) ^ 0x01;
    const tampered = await ctx.call('exports:verify', {
      fileName: 'x.docx',
      contentBase64: changed.toString('base64'),
    });
    expect(tampered.valid).toBe(false);
    expect(tampered.problems.length).toBeGreaterThan(0);

    // Another person's app: a valid file, from a key they have not trusted, until they do.
    const reader = createTestContext();
    try {
      const unknown = await reader.call('exports:verify', {
        fileName: 'x.docx',
        contentBase64: bytes.toString('base64'),
      });
      expect(unknown).toMatchObject({ valid: true, trusted: false, trustedAs: null });
      const { publicKeyPem } = await ctx.call('signing:identity', {});
      await reader.call('signing:trust', { name: 'Helen A.', role: 'NED', publicKeyPem });
      const known = await reader.call('exports:verify', {
        fileName: 'x.docx',
        contentBase64: bytes.toString('base64'),
      });
      expect(known).toMatchObject({
        valid: true,
        trusted: true,
        trustedAs: { name: 'Helen A.', role: 'NED' },
      });
    } finally {
      reader.dispose();
    }
  });

  it('recognises this computer’s own key in a changed copy of its own export', async () => {
    const { roundId } = await signedOffRound(ctx);
    const job = await exportAndWait({ documentType: 'round_summary', roundId, personalDataConfirmed: true });
    const changed = Buffer.from(readFileSync(job.result!.path));
    changed[300] = (changed[300] as number) ^ 0x01;
    const result = await ctx.call('exports:verify', {
      fileName: 'x.docx',
      contentBase64: changed.toString('base64'),
    });
    expect(result).toMatchObject({ valid: false, trusted: false, trustedAs: { name: OWN_KEY_NAME } });
  });

  it('names no key owner when the manifest itself was forged', async () => {
    const { roundId } = await signedOffRound(ctx);
    const job = await exportAndWait({ documentType: 'round_summary', roundId, personalDataConfirmed: true });
    const bytes = Buffer.from(readFileSync(job.result!.path));
    // The signature is the last entry, stored as it is: its last byte sits just before the
    // zip's central directory.
    const at = bytes.indexOf(Buffer.from('PK\u0001\u0002', 'latin1'));
    bytes[at - 1] = (bytes[at - 1] as number) ^ 0x01;
    const result = await ctx.call('exports:verify', {
      fileName: 'x.docx',
      contentBase64: bytes.toString('base64'),
    });
    expect(result).toMatchObject({ valid: false, trusted: false, trustedAs: null });
  });

  it('says a file that is not a Word document cannot be read', async () => {
    const result = await ctx.call('exports:verify', {
      fileName: 'notes.txt',
      contentBase64: Buffer.from('hello').toString('base64'),
    });
    expect(result).toMatchObject({ valid: false, trusted: false, signer: null });
    expect(result.problems[0]).toMatch(/cannot be read as a Word document/);
  });
});
