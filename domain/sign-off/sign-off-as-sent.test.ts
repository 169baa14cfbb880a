import { describe, expect, it } from 'vitest';
import { bundleSourceRepository } from '../../db/repositories/bundle-source-repository';
import { ATTESTATION, decideAll, SIGNER } from '../../test/helpers/sign-off-fixtures';
import { approvedStory, CARER_STORY_TAGS } from '../../test/helpers/story-fixtures';
import { observe } from '../../test/helpers/round-fixtures';
import { contextForEachTest } from '../../test/helpers/test-context';
import { roundSignedSha256, storySignedSha256 } from './sign-off-as-sent';

const ctx = contextForEachTest();

// The re-signed sign-off is checked where it arrives against the tables, so the content built from
// a unit must hash exactly as the content built from the tables does.
describe('the content a sign-off covers, built from a record as it travels', () => {
  it('hashes a round with its team, areas, tags, impacts and decisions as the tables do', async () => {
    const round = await ctx.call('rounds:create', {
      startsAt: new Date().toISOString(),
      site: 'Sutton',
      templateId: 'fifteen-steps',
      team: [
        { name: 'Helen Adeyemi', role: 'ned' },
        { name: 'Sam Patel', role: 'governor' },
      ],
    });
    const ward = (await ctx.call('areas:add', { roundId: round.id, name: 'Oak Ward' })).areaId;
    const unit = (await ctx.call('areas:add', { roundId: round.id, name: 'Day Unit' })).areaId;
    const heard = await observe(
      ctx,
      round.id,
      ward,
      'A carer asked us to call her on 07700 900123.',
      'heard',
      'carer_family',
    );
    await observe(ctx, round.id, unit, 'The day unit was calm.', 'seen', 'not_applicable');
    await ctx.call('tagging:set-item-tags', { kind: 'observation', id: heard.id, ...CARER_STORY_TAGS });
    await ctx.call('rounds:complete', { roundId: round.id });
    await decideAll(ctx, 'observation', heard.id);
    const signOff = await ctx.call('sign-off:sign', {
      kind: 'round',
      id: round.id,
      ...SIGNER,
      attestation: ATTESTATION,
    });
    const content = bundleSourceRepository(ctx.store.sqlite).roundContent(round.id);
    expect(content.team).toHaveLength(2);
    expect(content.tags.length).toBeGreaterThan(0);
    expect(content.decisions).toHaveLength(1);
    expect(roundSignedSha256(content)).toBe(ctx.store.signOffs.get('round', round.id)?.contentSha256);
    expect(signOff.signatureValid).toBe(true);
  });

  it('hashes a story with its consent, read-back, tags and decisions as the tables do', async () => {
    const story = await approvedStory(ctx);
    await ctx.call('tagging:set-item-tags', { kind: 'story', id: story.id, ...CARER_STORY_TAGS });
    await decideAll(ctx, 'story', story.id);
    await ctx.call('sign-off:sign', { kind: 'story', id: story.id, ...SIGNER, attestation: ATTESTATION });
    const content = bundleSourceRepository(ctx.store.sqlite).storyContent(story.id);
    expect(content.readBacks).toHaveLength(1);
    expect(content.tags).toHaveLength(2);
    expect(storySignedSha256(content)).toBe(ctx.store.signOffs.get('story', story.id)?.contentSha256);
  });
});
