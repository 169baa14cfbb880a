import { describe, expect, it } from 'vitest';
import { contextForEachTest } from '../../test/helpers/test-context';

const ctx = contextForEachTest();

async function startRound(site = 'Sutton') {
  return ctx.call('rounds:create', {
    startsAt: new Date().toISOString(),
    site,
    templateId: 'fifteen-steps',
    team: [
      { name: 'Alex Morgan', role: 'ned' },
      { name: 'Sam Patel', role: 'governor' },
    ],
  });
}

describe('rounds', () => {
  it('ships the three built-in templates with their prompts', async () => {
    const templates = await ctx.call('templates:list', {});
    expect(templates.map((t) => t.id).toSorted()).toEqual([
      'fifteen-steps',
      'ihi-walkrounds',
      'trust-key-themes',
    ]);
    const fifteen = templates.find((t) => t.id === 'fifteen-steps')!;
    expect(new Set(fifteen.prompts.map((p) => p.section))).toEqual(
      new Set(['Welcoming', 'Safe', 'Caring and involving', 'Well organised and calm']),
    );
  });

  it('starts a round now as in progress, with its team in order and its template', async () => {
    const round = await startRound();
    expect(round.status).toBe('in_progress');
    expect(round.team.map((m) => [m.name, m.role])).toEqual([
      ['Alex Morgan', 'ned'],
      ['Sam Patel', 'governor'],
    ]);
    expect(round.template?.name).toBe('15 Steps Challenge');
  });

  it('plans a round that starts tomorrow, and starts it when the first area is added', async () => {
    const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString();
    const round = await ctx.call('rounds:create', {
      startsAt: tomorrow,
      site: 'Chelsea',
      templateId: null,
      team: [],
    });
    expect(round.status).toBe('planned');
    await ctx.call('areas:add', { roundId: round.id, name: 'Outpatients' });
    expect((await ctx.call('rounds:get', { roundId: round.id })).status).toBe('in_progress');
  });

  it('lists rounds newest first with their counts', async () => {
    const older = await ctx.call('rounds:create', {
      startsAt: '2026-01-05T10:00:00.000Z',
      site: 'Chelsea',
      templateId: null,
      team: [],
    });
    const newer = await startRound();
    const area = await ctx.call('areas:add', { roundId: newer.id, name: 'Ward 2' });
    await ctx.call('observations:create', {
      roundId: newer.id,
      areaId: area.areaId,
      kind: 'seen',
      source: 'not_applicable',
      text: 'Hand gel at the entrance',
      promptId: null,
    });
    const list = await ctx.call('rounds:list', {});
    expect(list.map((r) => r.id)).toEqual([newer.id, older.id]);
    expect(list[0]).toMatchObject({ areaCount: 1, observationCount: 1, templateName: '15 Steps Challenge' });
  });

  it('shares areas between rounds at the same site, whatever the case of the name', async () => {
    const first = await startRound();
    const a = await ctx.call('areas:add', { roundId: first.id, name: 'Bud Ward' });
    const second = await startRound();
    const b = await ctx.call('areas:add', { roundId: second.id, name: 'bud ward' });
    expect(b.areaId).toBe(a.areaId);
    expect(await ctx.call('areas:names-for-site', { site: 'sutton' })).toEqual(['Bud Ward']);
  });

  it('lists every area by name, or only one site’s, whatever the case of the site', async () => {
    const sutton = await startRound('Sutton');
    const chelsea = await startRound('Chelsea');
    const ward = await ctx.call('areas:add', { roundId: sutton.id, name: 'Wiltshaw Ward' });
    const unit = await ctx.call('areas:add', { roundId: sutton.id, name: 'Day Unit' });
    const clinic = await ctx.call('areas:add', { roundId: chelsea.id, name: 'Bud Ward' });
    expect(await ctx.call('areas:list', {})).toEqual([
      { id: clinic.areaId, site: 'Chelsea', name: 'Bud Ward' },
      { id: unit.areaId, site: 'Sutton', name: 'Day Unit' },
      { id: ward.areaId, site: 'Sutton', name: 'Wiltshaw Ward' },
    ]);
    expect((await ctx.call('areas:list', { site: 'sutton' })).map((a) => a.name)).toEqual([
      'Day Unit',
      'Wiltshaw Ward',
    ]);
    expect(await ctx.call('areas:list', { site: 'Royal Marsden' })).toEqual([]);
  });

  it('adding the same area twice to a round keeps one visit', async () => {
    const round = await startRound();
    const first = await ctx.call('areas:add', { roundId: round.id, name: 'Day Unit' });
    const again = await ctx.call('areas:add', { roundId: round.id, name: 'Day unit' });
    expect(again.id).toBe(first.id);
    expect((await ctx.call('rounds:get', { roundId: round.id })).areas).toHaveLength(1);
  });

  it('refuses a template that does not exist, naming the field', async () => {
    const result = await ctx.dispatch('rounds:create', {
      startsAt: new Date().toISOString(),
      site: 'Sutton',
      templateId: 'no-such-template',
      team: [],
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', field: 'templateId' } });
  });
});

describe('observations', () => {
  it('records, edits and deletes observations listed by time', async () => {
    const round = await startRound();
    const area = await ctx.call('areas:add', { roundId: round.id, name: 'Ward 1' });
    const first = await ctx.call('observations:create', {
      roundId: round.id,
      areaId: area.areaId,
      kind: 'quote',
      source: 'patient',
      text: 'The nurses could not do enough for me.',
      promptId: 'fifteen-steps.caring.interactions',
    });
    const second = await ctx.call('observations:create', {
      roundId: round.id,
      areaId: area.areaId,
      kind: 'environment',
      source: 'not_applicable',
      text: 'Bay noisy',
      promptId: null,
    });
    await ctx.call('observations:update', { id: second.id, changes: { text: 'Bay noisy at lunchtime' } });
    let detail = await ctx.call('rounds:get', { roundId: round.id });
    expect(detail.observations.map((o) => o.text)).toEqual([
      'The nurses could not do enough for me.',
      'Bay noisy at lunchtime',
    ]);
    await ctx.call('observations:delete', { id: first.id });
    detail = await ctx.call('rounds:get', { roundId: round.id });
    expect(detail.observations.map((o) => o.id)).toEqual([second.id]);
  });

  it('refuses an area that was not visited on this round', async () => {
    const round = await startRound();
    const other = await startRound('Chelsea');
    const elsewhere = await ctx.call('areas:add', { roundId: other.id, name: 'Ward 9' });
    const result = await ctx.dispatch('observations:create', {
      roundId: round.id,
      areaId: elsewhere.areaId,
      kind: 'seen',
      source: 'staff',
      text: 'x',
      promptId: null,
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', field: 'areaId' } });
  });

  it('refuses a prompt from another template', async () => {
    const round = await startRound();
    const area = await ctx.call('areas:add', { roundId: round.id, name: 'Ward 1' });
    const result = await ctx.dispatch('observations:create', {
      roundId: round.id,
      areaId: area.areaId,
      kind: 'heard',
      source: 'staff',
      text: 'x',
      promptId: 'ihi-walkrounds.events.near-miss',
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', field: 'promptId' } });
  });

  it('locks a completed round: no new, changed or deleted observations, no new areas', async () => {
    const round = await startRound();
    const area = await ctx.call('areas:add', { roundId: round.id, name: 'Ward 1' });
    const obs = await ctx.call('observations:create', {
      roundId: round.id,
      areaId: area.areaId,
      kind: 'seen',
      source: 'not_applicable',
      text: 'Tidy',
      promptId: null,
    });
    const completed = await ctx.call('rounds:complete', { roundId: round.id });
    expect(completed.status).toBe('completed');
    expect(completed.completedAt).not.toBeNull();

    const attempts = [
      ctx.dispatch('observations:update', { id: obs.id, changes: { text: 'Changed' } }),
      ctx.dispatch('observations:delete', { id: obs.id }),
      ctx.dispatch('observations:create', {
        roundId: round.id,
        areaId: area.areaId,
        kind: 'seen',
        source: 'staff',
        text: 'Late',
        promptId: null,
      }),
      ctx.dispatch('areas:add', { roundId: round.id, name: 'Ward 2' }),
      ctx.dispatch('rounds:complete', { roundId: round.id }),
    ];
    for (const result of await Promise.all(attempts)) {
      expect(result).toMatchObject({ ok: false, error: { kind: 'locked' } });
    }
    expect((await ctx.call('rounds:get', { roundId: round.id })).observations.map((o) => o.text)).toEqual([
      'Tidy',
    ]);
  });

  it('answers not found for an observation that does not exist', async () => {
    const result = await ctx.dispatch('observations:update', {
      id: '00000000-0000-4000-8000-000000000000',
      changes: { text: 'x' },
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});
