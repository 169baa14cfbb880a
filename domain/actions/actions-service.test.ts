import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { observe, roundWithAreas } from '../../test/helpers/round-fixtures';
import { CARER_STORY_TAGS, recordConsent, writeStory } from '../../test/helpers/story-fixtures';
import { createTestContext, type TestContext } from '../../test/helpers/test-context';

let ctx: TestContext;
let clock: Date;
beforeEach(() => {
  clock = new Date('2026-11-02T10:00:00Z');
  ctx = createTestContext({ now: () => clock });
});
afterEach(() => ctx.dispose());

async function flaggedObservation(text = 'The door to the bay sticks and my wheelchair cannot get through') {
  const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Ward 3'], clock);
  const obs = await observe(ctx, roundId, areas['Ward 3']!, text);
  await ctx.call('tagging:set-item-tags', {
    kind: 'observation',
    id: obs.id,
    tags: [
      { frameworkId: 'trust-key-themes', tagId: 'access', impact: null, description: null },
      { frameworkId: 'equality-groups', tagId: 'disability', impact: 'negative', description: null },
    ],
    equalityStatus: 'recorded',
  });
  const flagged = await ctx.call('observations:set-follow-up', { id: obs.id, needsFollowUp: true });
  return { roundId, areaId: areas['Ward 3']!, observation: flagged };
}

const auditEntities = () =>
  (
    ctx.store.sqlite
      .prepare("SELECT entity, detail FROM audit_log WHERE entity LIKE 'action%' ORDER BY seq")
      .all() as {
      entity: string;
      detail: string;
    }[]
  ).map((r) => ({ entity: r.entity, detail: JSON.parse(r.detail) as Record<string, unknown> }));

describe('raising an action', () => {
  it('turns a flagged observation into an action in one step, carrying its words, area and tags', async () => {
    const { observation, areaId } = await flaggedObservation();
    expect(observation.needsFollowUp).toBe(true);
    const action = await ctx.call('actions:create-from', { kind: 'observation', id: observation.id });
    expect(action).toMatchObject({
      said: observation.text,
      areaId,
      areaName: 'Ward 3',
      site: 'Sutton',
      status: 'open',
      saidAt: observation.capturedAt,
    });
    expect(action.tags.map((t) => [t.tagId, t.impact])).toEqual([
      ['access', null],
      ['disability', 'negative'],
    ]);
    expect(action.sources).toEqual([
      expect.objectContaining({
        kind: 'observation',
        id: observation.id,
        role: 'source',
        text: observation.text,
      }),
    ]);
    // The observation stays flagged, and links to the action raised from it.
    const after = (await ctx.call('rounds:get', { roundId: observation.roundId })).observations[0]!;
    expect(after.needsFollowUp).toBe(true);
    expect(after.actions).toEqual([{ id: action.id, willDo: action.willDo }]);
  });

  it('refuses a due date before the day it was raised, a link to a deleted observation, and an unknown area', async () => {
    const { observation, roundId, areaId } = await flaggedObservation();
    const early = await ctx.dispatch('actions:create', {
      willDo: 'Fix it',
      areaId,
      dueDate: '2026-11-01',
      sources: [{ kind: 'observation', id: observation.id }],
    });
    expect(early).toMatchObject({ ok: false, error: { kind: 'validation', field: 'dueDate' } });
    const gone = await observe(ctx, roundId, areaId, 'Temporary');
    await ctx.call('observations:delete', { id: gone.id });
    const dangling = await ctx.dispatch('actions:create', {
      willDo: 'Fix it',
      sources: [{ kind: 'observation', id: gone.id }],
    });
    expect(dangling).toMatchObject({
      ok: false,
      error: { kind: 'validation', field: 'sources.0.id', message: 'This observation no longer exists' },
    });
    const area = await ctx.dispatch('actions:create', {
      said: 'x',
      willDo: 'Fix it',
      areaId: '00000000-0000-4000-8000-000000000000',
    });
    expect(area).toMatchObject({ ok: false, error: { field: 'areaId' } });
    expect(ctx.store.sqlite.prepare('SELECT count(*) AS n FROM actions').get()).toEqual({ n: 0 });
  });

  it('raises an action on its own, with what was said typed in, and audits it', async () => {
    const { areaId } = await flaggedObservation();
    const action = await ctx.call('actions:create', {
      said: 'Visitors say the car park signs are confusing',
      willDo: 'Ask estates for clearer signs',
      ownerName: 'Sam Patel',
      ownerRole: 'Estates manager',
      areaId,
      dueDate: '2026-11-30',
    });
    expect(action).toMatchObject({
      said: 'Visitors say the car park signs are confusing',
      status: 'open',
      site: 'Sutton',
      areaName: 'Ward 3',
      sources: [],
      tags: [],
    });
    expect(auditEntities()).toEqual([
      expect.objectContaining({
        entity: 'action',
        detail: expect.objectContaining({ dueDate: '2026-11-30' }),
      }),
    ]);
    const nothingSaid = await ctx.dispatch('actions:create', { willDo: 'Ask estates' });
    expect(nothingSaid).toMatchObject({ ok: false, error: { field: 'said' } });
  });

  it('turns a story into an action in one step, carrying its words and tags, and lists it by its story', async () => {
    const story = await writeStory(ctx);
    await ctx.call('tagging:set-item-tags', {
      kind: 'story',
      id: story.id,
      ...CARER_STORY_TAGS,
    });
    const other = await writeStory(ctx, { title: 'Parking' });
    await ctx.call('actions:create-from', { kind: 'story', id: other.id });
    const action = await ctx.call('actions:create-from', { kind: 'story', id: story.id });
    expect(action).toMatchObject({ said: story.narrative, areaId: null, status: 'open' });
    expect(action.sources).toEqual([
      expect.objectContaining({ kind: 'story', id: story.id, role: 'source' }),
    ]);
    expect(action.tags.map((t) => [t.tagId, t.impact])).toEqual([
      ['listen-and-learn', null],
      ['carers', 'negative'],
    ]);
    const fromStory = await ctx.call('actions:list', { source: { kind: 'story', id: story.id } });
    expect(fromStory.items.map((a) => a.id)).toEqual([action.id]);
    expect(fromStory.total).toBe(1);
  });

  it('refuses to raise an action from a story whose consent was withdrawn', async () => {
    const story = await writeStory(ctx);
    await recordConsent(ctx, story.id);
    await ctx.call('stories:withdraw-consent', { id: story.id, withdrawnOn: '2026-11-02' });
    const refused = await ctx.dispatch('actions:create-from', { kind: 'story', id: story.id });
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: 'Consent for this story was withdrawn, so it cannot be used' },
    });
    expect(ctx.store.sqlite.prepare('SELECT count(*) AS n FROM actions').get()).toEqual({ n: 0 });
  });

  it('adds a second observation that says the same to an open action, showing both and joining their tags', async () => {
    const { observation, roundId, areaId } = await flaggedObservation();
    const action = await ctx.call('actions:create-from', { kind: 'observation', id: observation.id });
    await ctx.call('tagging:set-item-tags', {
      kind: 'action',
      id: action.id,
      tags: [],
      equalityStatus: 'not_recorded',
    });
    const again = await observe(ctx, roundId, areaId, 'The bay door is too heavy for me');
    await ctx.call('tagging:set-item-tags', {
      kind: 'observation',
      id: again.id,
      tags: [{ frameworkId: 'trust-key-themes', tagId: 'access', impact: null, description: null }],
      equalityStatus: 'not_recorded',
    });
    await ctx.call('observations:set-follow-up', { id: again.id, needsFollowUp: true });
    const joined = await ctx.call('actions:add-source', {
      id: action.id,
      source: { kind: 'observation', id: again.id },
    });
    expect(joined.sources.map((s) => [s.id, s.role, s.text])).toEqual([
      [observation.id, 'source', observation.text],
      [again.id, 'source', 'The bay door is too heavy for me'],
    ]);
    expect(joined.tags.map((t) => t.tagId)).toEqual(['access']);
    const round = await ctx.call('rounds:get', { roundId });
    expect(round.observations.every((o) => o.needsFollowUp)).toBe(true);
    expect(round.observations.map((o) => o.actions.map((a) => a.id))).toEqual([[action.id], [action.id]]);
    expect(auditEntities().at(-1)).toEqual({
      entity: 'action_source',
      detail: { kind: 'observation', itemId: again.id },
    });

    const twice = await ctx.dispatch('actions:add-source', {
      id: action.id,
      source: { kind: 'observation', id: again.id },
    });
    expect(twice).toMatchObject({
      ok: false,
      error: { field: 'source.id', message: 'This observation is already linked to the action' },
    });
    const gone = await observe(ctx, roundId, areaId, 'Temporary');
    await ctx.call('observations:delete', { id: gone.id });
    const deleted = await ctx.dispatch('actions:add-source', {
      id: action.id,
      source: { kind: 'observation', id: gone.id },
    });
    expect(deleted).toMatchObject({ ok: false, error: { message: 'This observation no longer exists' } });
    await ctx.call('actions:update', { id: action.id, changes: { willDo: 'Fix', ownerName: 'Sam' } });
    await ctx.call('actions:set-status', { id: action.id, status: 'done' });
    const other = await observe(ctx, roundId, areaId, 'Door again');
    const closed = await ctx.dispatch('actions:add-source', {
      id: action.id,
      source: { kind: 'observation', id: other.id },
    });
    expect(closed).toMatchObject({ ok: false, error: { field: 'id' } });
  });

  it('keeps an observation an action was raised from', async () => {
    const { observation } = await flaggedObservation();
    await ctx.call('actions:create-from', { kind: 'observation', id: observation.id });
    expect(await ctx.dispatch('observations:delete', { id: observation.id })).toMatchObject({
      ok: false,
      error: { kind: 'locked' },
    });
  });
});

describe('moving an action through the loop', () => {
  it('goes open → in progress → done → fed back, recording each change with who and why', async () => {
    const { observation } = await flaggedObservation();
    const action = await ctx.call('actions:create-from', { kind: 'observation', id: observation.id });
    const noOwner = await ctx.dispatch('actions:set-status', { id: action.id, status: 'in_progress' });
    expect(noOwner).toMatchObject({ ok: false, error: { kind: 'validation', field: 'ownerName' } });
    await ctx.call('actions:update', {
      id: action.id,
      changes: {
        willDo: 'Estates to ease the door',
        ownerName: 'Sam Patel',
        ownerRole: 'Ward manager',
        dueDate: '2026-11-20',
      },
    });
    await ctx.call('actions:set-status', { id: action.id, status: 'in_progress' });
    clock = new Date('2026-11-10T09:00:00Z');
    const done = await ctx.call('actions:set-status', { id: action.id, status: 'done' });
    expect(done.doneAt).toBe('2026-11-10T09:00:00.000Z');
    const noHow = await ctx.dispatch('actions:set-status', { id: action.id, status: 'fed_back' });
    expect(noHow).toMatchObject({ ok: false, error: { field: 'feedback' } });
    const future = await ctx.dispatch('actions:set-status', {
      id: action.id,
      status: 'fed_back',
      feedback: { channel: 'ward_noticeboard', on: '2026-12-25' },
    });
    expect(future).toMatchObject({ ok: false, error: { field: 'feedback.on' } });
    const fedBack = await ctx.call('actions:set-status', {
      id: action.id,
      status: 'fed_back',
      feedback: { channel: 'ward_noticeboard', on: '2026-11-10', note: 'Poster on the ward door' },
    });
    expect(fedBack).toMatchObject({
      status: 'fed_back',
      feedbackChannel: 'ward_noticeboard',
      feedbackNote: 'Poster on the ward door',
    });
    expect(fedBack.history.map((h) => [h.fromStatus, h.toStatus, h.actor])).toEqual([
      [null, 'open', 'test-user'],
      ['open', 'in_progress', 'test-user'],
      ['in_progress', 'done', 'test-user'],
      ['done', 'fed_back', 'test-user'],
    ]);
    expect(auditEntities().map((e) => e.entity)).toEqual([
      'action',
      'action',
      'action_status',
      'action_status',
      'action_status',
    ]);
    expect(await ctx.call('audit:verify', {})).toMatchObject({ ok: true });
  });

  it('refuses to reopen a done action without a reason, and keeps the reason when given', async () => {
    const { observation } = await flaggedObservation();
    const action = await ctx.call('actions:create-from', { kind: 'observation', id: observation.id });
    await ctx.call('actions:update', {
      id: action.id,
      changes: { willDo: 'Fix the door', ownerName: 'Sam Patel' },
    });
    await ctx.call('actions:set-status', { id: action.id, status: 'done' });
    const bare = await ctx.dispatch('actions:set-status', { id: action.id, status: 'open' });
    expect(bare).toMatchObject({ ok: false, error: { field: 'reason' } });
    const reopened = await ctx.call('actions:set-status', {
      id: action.id,
      status: 'open',
      reason: 'The door sticks again',
    });
    expect(reopened.doneAt).toBeNull();
    expect(reopened.history.at(-1)).toMatchObject({
      fromStatus: 'done',
      toStatus: 'open',
      reason: 'The door sticks again',
    });
    expect(auditEntities().at(-1)!.detail).toMatchObject({
      from: 'done',
      to: 'open',
      reason: 'The door sticks again',
    });
  });
});

describe('overdue and the board', () => {
  it('marks actions overdue from the day after their due date in London, everywhere they are listed', async () => {
    const { observation, areaId } = await flaggedObservation();
    const action = await ctx.call('actions:create-from', { kind: 'observation', id: observation.id });
    await ctx.call('actions:update', {
      id: action.id,
      changes: { willDo: 'Fix it', ownerName: 'Sam', dueDate: '2026-11-05' },
    });
    clock = new Date('2026-11-05T23:59:00Z');
    expect((await ctx.call('actions:get', { id: action.id })).overdue).toBe(false);
    clock = new Date('2026-11-06T00:00:00Z');
    expect((await ctx.call('actions:get', { id: action.id })).overdue).toBe(true);
    const board = await ctx.call('actions:list', { areaId, overdue: true });
    expect(board.items.map((i) => [i.id, i.overdue])).toEqual([[action.id, true]]);
    expect(board.counts).toMatchObject({ open: 1, overdue: 1 });
    await ctx.call('actions:set-status', { id: action.id, status: 'done' });
    expect((await ctx.call('actions:list', { overdue: true })).items).toEqual([]);
  });

  it('filters and counts overdue by the London date in summer time, whatever the laptop’s zone', async () => {
    const originalTz = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      clock = new Date('2026-07-10T10:00:00Z');
      const action = await ctx.call('actions:create', {
        said: 'The lift is out of order',
        willDo: 'Chase the lift repair',
        ownerName: 'Sam',
        dueDate: '2026-07-15',
      });
      // 22:59:59 UTC is 23:59:59 on the 15th in London (and only 18:59 in New York).
      clock = new Date('2026-07-15T22:59:59Z');
      const before = await ctx.call('actions:list', { overdue: true });
      expect([before.total, before.counts.overdue]).toEqual([0, 0]);
      expect((await ctx.call('actions:get', { id: action.id })).overdue).toBe(false);
      // One second later it is the 16th in London, though still the 15th in New York.
      clock = new Date('2026-07-15T23:00:00Z');
      const after = await ctx.call('actions:list', { overdue: true });
      expect(after.items.map((i) => [i.id, i.overdue])).toEqual([[action.id, true]]);
      expect(after.counts.overdue).toBe(1);
    } finally {
      process.env.TZ = originalTz;
    }
  });

  it('filters by status, area, owner and theme, sorts by due date and counts per status', async () => {
    const { observation, areaId } = await flaggedObservation();
    const a = await ctx.call('actions:create-from', { kind: 'observation', id: observation.id });
    await ctx.call('actions:update', {
      id: a.id,
      changes: { willDo: 'Door', ownerName: 'Sam Patel', dueDate: '2026-12-01' },
    });
    const b = await ctx.call('actions:create', {
      said: 'Menus only in English',
      willDo: 'Translate menus',
      ownerName: 'Ana Costa',
      dueDate: '2026-11-15',
    });
    const c = await ctx.call('actions:create', {
      said: 'No seating',
      willDo: 'Chairs',
      ownerName: 'Sam Patel',
    });
    await ctx.call('actions:set-status', { id: b.id, status: 'in_progress' });
    const all = await ctx.call('actions:list', {});
    expect(all.items.map((i) => i.id)).toEqual([b.id, a.id, c.id]);
    expect(all.counts).toMatchObject({ open: 2, in_progress: 1, done: 0, fed_back: 0 });
    expect((await ctx.call('actions:list', { status: 'in_progress' })).items.map((i) => i.id)).toEqual([
      b.id,
    ]);
    expect((await ctx.call('actions:list', { areaId })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await ctx.call('actions:list', { owner: 'sam' })).items.map((i) => i.id)).toEqual([a.id, c.id]);
    expect((await ctx.call('actions:list', { owner: '%' })).items).toEqual([]);
    expect(
      (
        await ctx.call('actions:list', { tag: { frameworkId: 'trust-key-themes', tagId: 'access' } })
      ).items.map((i) => i.id),
    ).toEqual([a.id]);
  });
});

describe('revisits', () => {
  it('shows a new round in the same area its open actions, and records what the team found', async () => {
    const { observation, areaId } = await flaggedObservation();
    const action = await ctx.call('actions:create-from', { kind: 'observation', id: observation.id });
    expect(await ctx.call('actions:for-round', { roundId: observation.roundId })).toEqual([]);

    clock = new Date('2026-11-16T10:00:00Z');
    const next = await roundWithAreas(ctx, 'Sutton', ['ward 3'], clock);
    expect(next.areas['ward 3']).toBe(areaId);
    const prompt = await ctx.call('actions:for-round', { roundId: next.roundId });
    expect(prompt.map((p) => p.id)).toEqual([action.id]);

    const { action: after, observation: seen } = await ctx.call('actions:record-revisit', {
      actionId: action.id,
      roundId: next.roundId,
      outcome: 'still_an_issue',
      note: 'Door still sticks',
    });
    expect(seen).toMatchObject({ roundId: next.roundId, areaId, kind: 'seen' });
    expect(seen.text).toMatch(/still an issue\. Door still sticks/);
    expect(after.sources.find((s) => s.role === 'revisit')).toMatchObject({
      id: seen.id,
      outcome: 'still_an_issue',
    });

    const elsewhere = await roundWithAreas(ctx, 'Sutton', ['Day Unit'], clock);
    expect(await ctx.call('actions:for-round', { roundId: elsewhere.roundId })).toEqual([]);
    const refused = await ctx.dispatch('actions:record-revisit', {
      actionId: action.id,
      roundId: elsewhere.roundId,
      outcome: 'improved',
    });
    expect(refused).toMatchObject({ ok: false, error: { field: 'roundId' } });
  });
});

describe('the audit log', () => {
  it('records every change of an action: raising, details, tags, status and revisits', async () => {
    const { observation, areaId } = await flaggedObservation();
    const action = await ctx.call('actions:create-from', { kind: 'observation', id: observation.id });
    await ctx.call('actions:update', {
      id: action.id,
      changes: { willDo: 'Fix the door', ownerName: 'Sam' },
    });
    await ctx.call('tagging:set-item-tags', {
      kind: 'action',
      id: action.id,
      tags: [{ frameworkId: 'trust-key-themes', tagId: 'effectiveness', impact: null, description: null }],
      equalityStatus: 'not_recorded',
    });
    await ctx.call('actions:set-status', { id: action.id, status: 'in_progress' });
    clock = new Date('2026-11-16T10:00:00Z');
    const next = await roundWithAreas(ctx, 'Sutton', ['Ward 3'], clock);
    await ctx.call('actions:record-revisit', {
      actionId: action.id,
      roundId: next.roundId,
      outcome: 'improved',
    });
    expect(auditEntities().map((e) => [e.entity, Object.keys(e.detail).sort().join(',')])).toEqual([
      ['action', 'areaId,dueDate,ownerName,sources,willDo'],
      ['action', 'ownerName,willDo'],
      ['action_tags', 'tags'],
      ['action_status', 'feedback,from,reason,to'],
      ['action_revisit', 'observationId,outcome,roundId'],
    ]);
    expect(auditEntities()[0]!.detail).toMatchObject({ areaId });
    expect(await ctx.call('audit:verify', {})).toMatchObject({ ok: true });
  });
});

describe('period figures for insights', () => {
  it('counts opened, done, fed back and overdue, and the median days from said to fed back', async () => {
    const Q4 = { from: '2026-10-01T00:00:00+01:00', to: '2027-01-01T00:00:00Z', site: null };
    const raise = async (text: string) => {
      const { observation } = await flaggedObservation(text);
      const action = await ctx.call('actions:create-from', { kind: 'observation', id: observation.id });
      await ctx.call('actions:update', {
        id: action.id,
        changes: { willDo: 'Do it', ownerName: 'Sam', dueDate: '2026-11-03' },
      });
      return action;
    };
    const one = await raise('First concern');
    const two = await raise('Second concern');
    await raise('Third concern');
    clock = new Date('2026-11-06T10:00:00Z');
    for (const [action, on] of [
      [one, '2026-11-06'],
      [two, '2026-11-06'],
    ] as const) {
      await ctx.call('actions:set-status', { id: action.id, status: 'done' });
      await ctx.call('actions:set-status', {
        id: action.id,
        status: 'fed_back',
        feedback: { channel: 'letter', on },
      });
    }
    clock = new Date('2026-11-20T10:00:00Z');
    const insights = await ctx.call('insights:get', Q4);
    // Said at 10:00 UTC on 2 November; told from the start of 6 November in London (00:00 GMT).
    expect(insights.actions).toEqual({
      opened: 3,
      done: 2,
      fedBack: 2,
      overdue: 1,
      medianDaysSaidToFedBack: 3 + 14 / 24,
    });
  });
});
