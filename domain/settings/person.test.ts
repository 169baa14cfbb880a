import { describe, expect, it } from 'vitest';
import { contextForEachTest, type TestContext } from '../../test/helpers/test-context';

let ctx: TestContext;
contextForEachTest((fresh) => (ctx = fresh));

describe('who uses the app on this computer', () => {
  it('is nobody until they say, then their name and role, tidied, audited and kept after a restart', async () => {
    expect(await ctx.call('settings:get-person', {})).toEqual({ person: null });
    const saved = await ctx.call('settings:set-person', { name: '  Ann   Example ', role: 'Governor ' });
    expect(saved).toEqual({ person: { name: 'Ann Example', role: 'Governor' } });
    const audit = ctx.store.sqlite
      .prepare("SELECT entity_id AS entityId, detail FROM audit_log WHERE entity = 'settings'")
      .all();
    expect(audit).toEqual([
      { entityId: 'person', detail: JSON.stringify({ name: 'Ann Example', role: 'Governor' }) },
    ]);
    ctx = ctx.reopen();
    expect(await ctx.call('settings:get-person', {})).toEqual({
      person: { name: 'Ann Example', role: 'Governor' },
    });
  });

  it('refuses a blank name or role and changes nothing', async () => {
    const blank = await ctx.dispatch('settings:set-person', { name: '   ', role: 'Governor' });
    expect(blank).toMatchObject({ ok: false, error: { kind: 'validation', field: 'name' } });
    const noRole = await ctx.dispatch('settings:set-person', { name: 'Ann Example', role: '' });
    expect(noRole).toMatchObject({ ok: false, error: { kind: 'validation', field: 'role' } });
    expect(await ctx.call('settings:get-person', {})).toEqual({ person: null });
  });

  it('is who the action history and the audit log name, instead of the computer’s account', async () => {
    const before = await ctx.call('actions:create', {
      said: 'Could not find the lifts',
      willDo: 'Put up a sign to the lifts',
    });
    expect(before.history[0]?.actor).toBe('test-user');

    await ctx.call('settings:set-person', { name: 'Ann Example', role: 'Governor' });
    const action = await ctx.call('actions:create', {
      said: 'The garden door sticks',
      willDo: 'Fix the door to the garden',
      ownerName: 'Sam Estates',
    });
    expect(action.history.map((entry) => entry.actor)).toEqual(['Ann Example']);
    const lastAudit = ctx.store.sqlite
      .prepare('SELECT actor FROM audit_log ORDER BY seq DESC LIMIT 1')
      .get() as { actor: string };
    expect(lastAudit.actor).toBe('Ann Example');

    // A new name is used from then on; what was recorded before keeps the name it had.
    await ctx.call('settings:set-person', { name: 'Ann Other', role: 'Governor' });
    const later = await ctx.call('actions:set-status', { id: action.id, status: 'in_progress' });
    expect(later.history.map((entry) => entry.actor)).toEqual(['Ann Example', 'Ann Other']);
  });
});
