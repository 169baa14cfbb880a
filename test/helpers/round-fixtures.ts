import type { ObservationKind, ObservationSource } from '../../ipc/contract';
import type { TestContext } from './test-context';

/** Starts a round at `site` with one area per name, and returns their ids. */
export async function roundWithAreas(
  ctx: TestContext,
  site: string,
  areaNames: string[],
  startsAt = new Date(),
) {
  const round = await ctx.call('rounds:create', {
    startsAt: startsAt.toISOString(),
    site,
    templateId: 'fifteen-steps',
    team: [],
  });
  const areas: Record<string, string> = {};
  for (const name of areaNames)
    areas[name] = (await ctx.call('areas:add', { roundId: round.id, name })).areaId;
  return { roundId: round.id, areas };
}

export async function observe(
  ctx: TestContext,
  roundId: string,
  areaId: string,
  text: string,
  kind: ObservationKind = 'heard',
  source: ObservationSource = 'patient',
) {
  return ctx.call('observations:create', { roundId, areaId, kind, source, text, promptId: null });
}
