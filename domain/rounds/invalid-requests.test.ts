import { describe, expect, it } from 'vitest';
import { observe, roundWithAreas } from '../../test/helpers/round-fixtures';
import { contextForEachTest } from '../../test/helpers/test-context';

// Requests that fuzzing showed were accepted though they should not be: each is refused with a
// plain message and changes nothing, the audit log included.
const ctx = contextForEachTest();

const auditCount = () =>
  (ctx.store.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

describe('requests that would change nothing or store something else', () => {
  it('refuses observations:update with no changes, and does not audit it', async () => {
    const { roundId, areas } = await roundWithAreas(ctx, 'Ward 7', ['Bay 1']);
    const observation = await observe(ctx, roundId, areas['Bay 1']!, 'The call bell was answered quickly');
    const before = auditCount();
    const result = await ctx.dispatch('observations:update', { id: observation.id, changes: {} });
    expect(result).toEqual({
      ok: false,
      error: { kind: 'validation', message: 'Nothing to change was given', field: 'changes' },
    });
    expect(auditCount()).toBe(before);
    const round = await ctx.call('rounds:get', { roundId });
    expect(round.observations.map((o) => [o.id, o.text, o.updatedAt])).toEqual([
      [observation.id, observation.text, observation.updatedAt],
    ]);
  });

  it('refuses an observation holding a lone surrogate instead of storing replacement characters', async () => {
    const { roundId, areas } = await roundWithAreas(ctx, 'Ward 7', ['Bay 1']);
    const before = auditCount();
    const result = await ctx.dispatch('observations:create', {
      roundId,
      areaId: areas['Bay 1'],
      kind: 'heard',
      source: 'patient',
      text: '\uD800x',
      promptId: null,
    });
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'validation',
        message: 'This contains characters that are not valid text, so it was not saved.',
        field: 'text',
      },
    });
    expect(auditCount()).toBe(before);
    expect((await ctx.call('rounds:get', { roundId })).observations).toEqual([]);
  });

  it('refuses a site that is only NUL characters', async () => {
    const result = await ctx.dispatch('rounds:create', {
      startsAt: new Date().toISOString(),
      site: '\0\0',
      templateId: null,
      team: [],
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.kind).toBe('validation');
    expect(auditCount()).toBe(0);
  });

  it('refuses a round starting in the year 9999', async () => {
    const result = await ctx.dispatch('rounds:create', {
      startsAt: '9999-06-01T10:00:00.000Z',
      site: 'Ward 7',
      templateId: null,
      team: [],
    });
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'validation',
        message: 'The start date must be between the years 2000 and 2100',
        field: 'startsAt',
      },
    });
    expect(auditCount()).toBe(0);
  });
});
