import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../drizzle-client';
import { areas, roundAreas } from '../schema';

export type RoundAreaRecord = { id: string; areaId: string; name: string; visitedAt: string };

const p = sql.placeholder;

export function areasRepository(db: AppDatabase) {
  const roundAreaColumns = {
    id: roundAreas.id,
    areaId: roundAreas.areaId,
    name: areas.name,
    visitedAt: roundAreas.visitedAt,
  };
  const bySiteAndName = db
    .select({ id: areas.id })
    .from(areas)
    .where(
      and(
        sql`${areas.site} = ${p('site')} collate nocase`,
        sql`${areas.name} = ${p('name')} collate nocase`,
        // A round on this laptop visits this laptop's areas; imported ones keep their own (0014).
        sql`${areas.contributorKeyId} is null`,
      ),
    )
    .prepare();
  const visit = db
    .select(roundAreaColumns)
    .from(roundAreas)
    .innerJoin(areas, eq(areas.id, roundAreas.areaId))
    .where(and(eq(roundAreas.roundId, p('roundId')), eq(roundAreas.areaId, p('areaId'))))
    .prepare();
  const visits = db
    .select(roundAreaColumns)
    .from(roundAreas)
    .innerJoin(areas, eq(areas.id, roundAreas.areaId))
    .where(eq(roundAreas.roundId, p('roundId')))
    .orderBy(asc(roundAreas.position))
    .prepare();
  const namesForSite = db
    .select({ name: areas.name })
    .from(areas)
    .where(and(sql`${areas.site} = ${p('site')} collate nocase`, sql`${areas.contributorKeyId} is null`))
    .orderBy(asc(areas.name))
    .prepare();

  const all = db
    .select({ id: areas.id, site: areas.site, name: areas.name })
    .from(areas)
    .orderBy(sql`${areas.name} collate nocase`, sql`${areas.site} collate nocase`)
    .prepare();
  const forSite = db
    .select({ id: areas.id, site: areas.site, name: areas.name })
    .from(areas)
    .where(sql`${areas.site} = ${p('site')} collate nocase`)
    .orderBy(sql`${areas.name} collate nocase`)
    .prepare();

  const byId = db
    .select()
    .from(areas)
    .where(eq(areas.id, p('id')))
    .prepare();

  return {
    get: (id: string) => byId.get({ id }),
    /** Areas are shared by every round at a site; names match regardless of case. */
    findOrCreate: (site: string, name: string, newId: () => string, now: string): string => {
      const existing = bySiteAndName.get({ site, name });
      if (existing) return existing.id;
      const id = newId();
      db.insert(areas).values({ id, site, name, createdAt: now }).run();
      return id;
    },
    findVisit: (roundId: string, areaId: string): RoundAreaRecord | undefined =>
      visit.get({ roundId, areaId }),
    addVisit: (record: { id: string; roundId: string; areaId: string; visitedAt: string }) => {
      db.insert(roundAreas)
        .values({
          ...record,
          position: sql`(select coalesce(max(${roundAreas.position}) + 1, 0) from ${roundAreas} where ${roundAreas.roundId} = ${record.roundId})`,
        })
        .run();
    },
    listVisits: (roundId: string): RoundAreaRecord[] => visits.all({ roundId }),
    namesForSite: (site: string): string[] => namesForSite.all({ site }).map((row) => row.name),
    list: (site: string | null): { id: string; site: string; name: string }[] =>
      site === null ? all.all() : forSite.all({ site }),
  };
}

export type AreasRepository = ReturnType<typeof areasRepository>;
