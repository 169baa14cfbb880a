import { describe, expect, it } from 'vitest';
import { contextForEachTest } from '../../test/helpers/test-context';

const ctx = contextForEachTest();

describe('the sites rounds were held at', () => {
  it('lists each site once, in order, without the rounds themselves', async () => {
    expect(await ctx.call('rounds:sites', {})).toEqual([]);
    for (const site of ['Sutton', 'Chelsea', 'Sutton', 'Kingston']) {
      await ctx.call('rounds:create', {
        startsAt: new Date().toISOString(),
        site,
        templateId: null,
        team: [],
      });
    }
    expect(await ctx.call('rounds:sites', {})).toEqual(['Chelsea', 'Kingston', 'Sutton']);
  });
});
