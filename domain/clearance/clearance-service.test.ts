import { describe, expect, it } from 'vitest';
import type { ClearanceReportDto } from '../../ipc/contract';
import { observe, roundWithAreas } from '../../test/helpers/round-fixtures';
import { approvedStory, auditEntries, freshContextEach, writeStory } from '../../test/helpers/story-fixtures';
import type { TestContext } from '../../test/helpers/test-context';

let ctx: TestContext;
freshContextEach('2026-06-15T10:00:00.000Z', (fresh) => (ctx = fresh));

// 999 000 0018 has a valid check digit in the never-issued 999 range.
const NARRATIVE =
  'Sarah Jones on reception was lovely. My NHS number 999 000 0018 was on the letter. My postcode is SW3 6JJ.';

const finding = (report: ClearanceReportDto, kind: string) => {
  const found = report.findings.find((f) => f.kind === kind);
  if (!found) throw new Error(`no ${kind} finding in ${JSON.stringify(report.findings)}`);
  return found;
};

async function decide(
  id: string,
  found: ClearanceReportDto['findings'][number],
  decision: 'redacted' | 'kept',
  reason: string | null = null,
) {
  return ctx.call('clearance:decide', {
    itemKind: 'story',
    itemId: id,
    field: found.field,
    findingKey: found.findingKey,
    decision,
    reason,
  });
}

describe('personal-data clearance of a story', () => {
  it('lists each finding with its decision state, and is not clear while any is undecided', async () => {
    const story = await writeStory(ctx, { narrative: NARRATIVE });
    const report = await ctx.call('clearance:check', { itemKind: 'story', itemId: story.id });
    expect(report.clear).toBe(false);
    expect(report.findings.map((f) => [f.field, f.kind, f.text, f.state])).toEqual([
      ['narrative', 'name', 'Sarah Jones', 'undecided'],
      ['narrative', 'nhs_number', '999 000 0018', 'undecided'],
      ['narrative', 'postcode', 'SW3 6JJ', 'undecided'],
    ]);
    expect(report.blockers).toEqual([expect.stringMatching(/3 possible personal details/)]);
    expect(report.plainLanguage.field).toBe('narrative');
    expect(report.plainLanguage.readability.words).toBeGreaterThan(10);
  });

  it('redacts one, keeps one with a reason, refuses to keep one without, and is clear only when all are decided', async () => {
    const story = await writeStory(ctx, { narrative: NARRATIVE });
    const first = await ctx.call('clearance:check', { itemKind: 'story', itemId: story.id });

    const redacted = await decide(story.id, finding(first, 'nhs_number'), 'redacted');
    const text = (await ctx.call('stories:get', { id: story.id })).narrative;
    expect(text).toBe(
      'Sarah Jones on reception was lovely. My NHS number [NHS number removed] was on the letter. My postcode is SW3 6JJ.',
    );
    expect(redacted.findings.map((f) => f.kind)).toEqual(['name', 'postcode']);

    const keptWithoutReason = await ctx.dispatch('clearance:decide', {
      itemKind: 'story',
      itemId: story.id,
      field: 'narrative',
      findingKey: finding(redacted, 'name').findingKey,
      decision: 'kept',
      reason: '  ',
    });
    expect(keptWithoutReason).toMatchObject({ ok: false, error: { kind: 'validation', field: 'reason' } });

    const kept = await decide(
      story.id,
      finding(redacted, 'name'),
      'kept',
      'Staff member who asked to be thanked',
    );
    expect(finding(kept, 'name')).toMatchObject({
      state: 'kept',
      decision: { decision: 'kept', reason: 'Staff member who asked to be thanked', decidedBy: 'test-user' },
    });
    expect(kept.clear).toBe(false);

    const done = await decide(story.id, finding(kept, 'postcode'), 'redacted');
    expect(done).toMatchObject({ clear: true, blockers: [] });
    expect(done.findings.map((f) => f.state)).toEqual(['kept']);
  });

  it('records every decision in the audit log without the words found', async () => {
    const story = await writeStory(ctx, { narrative: NARRATIVE });
    const report = await ctx.call('clearance:check', { itemKind: 'story', itemId: story.id });
    await decide(story.id, finding(report, 'nhs_number'), 'redacted');
    await decide(story.id, finding(report, 'name'), 'kept', 'Agreed to be named');
    const entries = auditEntries(ctx, story.id);
    expect(entries.map((e) => [e.action, e.entity])).toEqual([
      ['create', 'story'],
      ['update', 'story'],
      ['create', 'clearance_decision'],
      ['create', 'clearance_decision'],
    ]);
    expect(entries.map((e) => e.detail).join(' ')).not.toMatch(/999 000 0018|Sarah Jones/i);
  });

  it('redacts through the normal edit, so an approved story goes back to draft for a new read-back', async () => {
    const story = await approvedStory(ctx);
    await ctx.call('settings:set-staff-names', { names: ['Ziggy'] });
    const edited = await ctx.call('stories:update', {
      id: story.id,
      changes: { narrative: 'Ziggy brought me tea every morning.' },
    });
    expect(edited.status).toBe('draft');
    await readBack(edited);
    await ctx.call('stories:approve', { id: story.id });
    const report = await ctx.call('clearance:check', { itemKind: 'story', itemId: story.id });
    await decide(story.id, finding(report, 'name'), 'redacted');
    expect(await ctx.call('stories:get', { id: story.id })).toMatchObject({
      narrative: '[name removed] brought me tea every morning.',
      status: 'draft',
      readBackState: 'outdated',
    });
  });

  it('redacts a name inside a key quote in the quote too', async () => {
    const narrative = 'On the ward, "Sarah Jones held my hand," I told them.';
    const words = '"Sarah Jones held my hand,"';
    const start = narrative.indexOf(words);
    const story = await writeStory(ctx, {
      narrative,
      quotes: [{ start, end: start + words.length, text: words }],
    });
    const report = await ctx.call('clearance:check', { itemKind: 'story', itemId: story.id });
    await decide(story.id, finding(report, 'name'), 'redacted');
    const redacted = '"[name removed] held my hand,"';
    expect((await ctx.call('stories:get', { id: story.id })).quotes).toEqual([
      { start, end: start + redacted.length, text: redacted, matches: true },
    ]);
  });

  it('checks the title and learning points too, and keeps a learning point’s decision when the list is reordered', async () => {
    const story = await writeStory(ctx, {
      title: 'Mr Okafor’s first visit',
      learningPoints: ['Thank Sarah Jones', 'Explain the scan'],
    });
    const report = await ctx.call('clearance:check', { itemKind: 'story', itemId: story.id });
    expect(report.findings.map((f) => [f.field, f.text])).toEqual([
      ['title', 'Mr Okafor'],
      ['learningPoints.0', 'Sarah Jones'],
    ]);
    await decide(story.id, report.findings[1]!, 'kept', 'She agreed');
    await ctx.call('stories:update', {
      id: story.id,
      changes: { learningPoints: ['Offer a drink', 'Thank Sarah Jones', 'Explain the scan'] },
    });
    const moved = await ctx.call('clearance:check', { itemKind: 'story', itemId: story.id });
    expect(moved.findings.map((f) => [f.field, f.state])).toEqual([
      ['title', 'undecided'],
      ['learningPoints.1', 'kept'],
    ]);
    await ctx.call('stories:update', {
      id: story.id,
      changes: { learningPoints: ['Offer a drink', 'Thank Sarah Jones warmly'] },
    });
    const edited = await ctx.call('clearance:check', { itemKind: 'story', itemId: story.id });
    expect(edited.findings.find((f) => f.field === 'learningPoints.1')?.state).toBe('undecided');
  });

  it('refuses a decision about words no longer in the text', async () => {
    const story = await writeStory(ctx, { narrative: NARRATIVE });
    const report = await ctx.call('clearance:check', { itemKind: 'story', itemId: story.id });
    await ctx.call('stories:update', { id: story.id, changes: { narrative: 'Nothing personal here.' } });
    expect(
      await ctx.dispatch('clearance:decide', {
        itemKind: 'story',
        itemId: story.id,
        field: 'narrative',
        findingKey: finding(report, 'postcode').findingKey,
        decision: 'redacted',
      }),
    ).toMatchObject({ ok: false, error: { field: 'findingKey' } });
  });

  it('never calls a withdrawn story clear', async () => {
    const story = await writeStory(ctx, { narrative: 'Nothing personal here.' });
    expect((await ctx.call('clearance:check', { itemKind: 'story', itemId: story.id })).clear).toBe(true);
    await ctx.call('stories:withdraw-consent', { id: story.id, withdrawnOn: '2026-06-15' });
    const report = await ctx.call('clearance:check', { itemKind: 'story', itemId: story.id });
    expect(report).toMatchObject({ clear: false, blockers: [expect.stringMatching(/withdrawn/)] });
  });
});

/** Redacts the phone number the report found in an observation's text. */
const redactPhone = (observationId: string, report: ClearanceReportDto) =>
  ctx.call('clearance:decide', {
    itemKind: 'observation',
    itemId: observationId,
    field: 'text',
    findingKey: finding(report, 'phone').findingKey,
    decision: 'redacted',
  });

describe('personal-data clearance of an observation', () => {
  it('redacts an open round’s observation in place', async () => {
    const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Bud Ward']);
    const obs = await observe(ctx, roundId, areas['Bud Ward']!, 'Call me on 07700 900123 about it');
    const report = await ctx.call('clearance:check', { itemKind: 'observation', itemId: obs.id });
    const done = await redactPhone(obs.id, report);
    expect(done.clear).toBe(true);
    const detail = await ctx.call('rounds:get', { roundId });
    expect(detail.observations[0]!.text).toBe('Call me on [phone number removed] about it');
  });

  it('keeps a completed round’s text as recorded and stores the redaction for the export to apply', async () => {
    const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Bud Ward']);
    const obs = await observe(ctx, roundId, areas['Bud Ward']!, 'Call me on 07700 900123 about it');
    await ctx.call('rounds:complete', { roundId });
    const report = await ctx.call('clearance:check', { itemKind: 'observation', itemId: obs.id });
    const done = await redactPhone(obs.id, report);
    expect(done).toMatchObject({ clear: true, findings: [expect.objectContaining({ state: 'redacted' })] });
    expect((await ctx.call('rounds:get', { roundId })).observations[0]!.text).toBe(
      'Call me on 07700 900123 about it',
    );
  });
});

describe('the staff names list', () => {
  it('is stored once each, audited, and used by the check', async () => {
    const story = await writeStory(ctx, { narrative: 'Then Ziggy brought me tea.' });
    const before = await ctx.call('clearance:check', { itemKind: 'story', itemId: story.id });
    expect(before.findings).toEqual([]);
    const saved = await ctx.call('settings:set-staff-names', { names: ['Ziggy', ' ziggy ', 'Ade Bello'] });
    expect(saved.names).toEqual(['Ziggy', 'Ade Bello']);
    expect(await ctx.call('settings:get-staff-names', {})).toEqual({ names: ['Ziggy', 'Ade Bello'] });
    const after = await ctx.call('clearance:check', { itemKind: 'story', itemId: story.id });
    expect(after.findings.map((f) => f.text)).toEqual(['Ziggy']);
    expect(auditEntries(ctx, 'staff_names')).toEqual([expect.objectContaining({ entity: 'settings' })]);
  });
});

async function readBack(story: { id: string; textHash: string }) {
  return ctx.call('stories:record-read-back', {
    id: story.id,
    checkedOn: '2026-06-15',
    method: 'phone',
    textHash: story.textHash,
  });
}
