import { asc, desc, eq, sql } from 'drizzle-orm';
import type { RoundStatus, TeamRole } from '../../ipc/contract';
import type { AppDatabase } from '../drizzle-client';
import { observations, roundAreas, roundTeamMembers, rounds, templates } from '../schema';

export type RoundRow = typeof rounds.$inferSelect;
export type TeamMemberRow = typeof roundTeamMembers.$inferSelect;

export type NewRound = {
  id: string;
  startsAt: string;
  site: string;
  templateId: string | null;
  status: RoundStatus;
  team: { id: string; name: string; role: TeamRole }[];
  now: string;
};

export type RoundSummaryRow = {
  id: string;
  startsAt: string;
  site: string;
  status: RoundStatus;
  templateName: string | null;
  areaCount: number;
  observationCount: number;
};

const p = sql.placeholder;

export function roundsRepository(db: AppDatabase) {
  const byId = db
    .select()
    .from(rounds)
    .where(eq(rounds.id, p('id')))
    .prepare();
  const team = db
    .select()
    .from(roundTeamMembers)
    .where(eq(roundTeamMembers.roundId, p('roundId')))
    .orderBy(asc(roundTeamMembers.position))
    .prepare();
  // Newest first, with counts computed by the database rather than by loading every row.
  const summaries = db
    .select({
      id: rounds.id,
      startsAt: rounds.startsAt,
      site: rounds.site,
      status: rounds.status,
      templateName: templates.name,
      areaCount: sql<number>`(select count(*) from ${roundAreas} where ${roundAreas.roundId} = ${rounds.id})`,
      observationCount: sql<number>`(select count(*) from ${observations} where ${observations.roundId} = ${rounds.id})`,
    })
    .from(rounds)
    .leftJoin(templates, eq(templates.id, rounds.templateId))
    .orderBy(desc(rounds.startsAt), desc(rounds.createdAt))
    .prepare();

  return {
    insert: (round: NewRound) => {
      db.insert(rounds)
        .values({
          id: round.id,
          startsAt: round.startsAt,
          site: round.site,
          templateId: round.templateId,
          status: round.status,
          createdAt: round.now,
          updatedAt: round.now,
        })
        .run();
      round.team.forEach((member, position) => {
        db.insert(roundTeamMembers)
          .values({ ...member, roundId: round.id, position })
          .run();
      });
    },
    get: (id: string): RoundRow | undefined => byId.get({ id }),
    team: (roundId: string): TeamMemberRow[] => team.all({ roundId }),
    setStatus: (id: string, status: RoundStatus, now: string) => {
      db.update(rounds)
        .set({ status, updatedAt: now, ...(status === 'completed' ? { completedAt: now } : {}) })
        .where(eq(rounds.id, id))
        .run();
    },
    summaries: (): RoundSummaryRow[] => summaries.all(),
    sites: (): string[] =>
      db
        .selectDistinct({ site: rounds.site })
        .from(rounds)
        .orderBy(asc(rounds.site))
        .all()
        .map((r) => r.site),
  };
}

export type RoundsRepository = ReturnType<typeof roundsRepository>;
