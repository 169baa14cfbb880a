// Rounds: a walkabout of a site by a visiting team, from planned to signed off.
import { z } from 'zod';
import { RoundArea } from './areas-schemas';
import { Observation } from './observations-schemas';
import { RecordProvenance, emptyRequest, id, requiredText, roundStartTime } from './schema-parts';
import { Template } from './templates-schemas';
import { ROUND_STATUSES, TEAM_ROLES } from './vocabulary';

export const TeamMember = z.object({
  name: requiredText('the team member’s name', 200),
  role: z.enum(TEAM_ROLES, { message: 'Choose a role' }),
});

export const RoundSummary = z.object({
  id: z.string(),
  startsAt: z.string(),
  site: z.string(),
  status: z.enum(ROUND_STATUSES),
  templateName: z.string().nullable(),
  areaCount: z.number().int(),
  observationCount: z.number().int(),
});

export const RoundDetail = z.object({
  id: z.string(),
  startsAt: z.string(),
  site: z.string(),
  status: z.enum(ROUND_STATUSES),
  completedAt: z.string().nullable(),
  template: Template.nullable(),
  team: z.array(TeamMember.extend({ id: z.string() })),
  areas: z.array(RoundArea),
  observations: z.array(Observation),
  /** Where an imported round came from (a PEIG bundle); null for this laptop's own. */
  provenance: RecordProvenance.nullable(),
});

export const roundsChannels = {
  'rounds:list': {
    request: emptyRequest,
    response: z.array(RoundSummary),
  },
  /** The sites rounds were held at, each once, in order: for filters that need no more. */
  'rounds:sites': {
    request: emptyRequest,
    response: z.array(z.string()),
  },
  'rounds:get': {
    request: z.object({ roundId: id }).strict(),
    response: RoundDetail,
  },
  'rounds:create': {
    request: z
      .object({
        startsAt: roundStartTime,
        site: requiredText('the site', 200),
        templateId: z.string().min(1).max(200).nullable(),
        team: z.array(TeamMember).max(20, { message: 'A round can have at most 20 team members' }),
      })
      .strict(),
    response: RoundDetail,
  },
  'rounds:complete': {
    request: z.object({ roundId: id }).strict(),
    response: RoundDetail,
  },
} as const;

export type RoundSummaryDto = z.output<typeof RoundSummary>;

export type RoundDetailDto = z.output<typeof RoundDetail>;
