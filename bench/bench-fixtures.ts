import { createHash, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AppContext } from '../domain/app-context';
import type { RoundContentDto } from '../ipc/bundle-units-schemas';
import { ACTION_STATUSES } from '../ipc/vocabulary';
import { syntheticRound } from '../test/helpers/bundle-fixtures';
import type { SeedOptions } from './seed-observations';

// Data more than one bench suite builds the same way.

const WORDS = ['kind', 'calm', 'busy', 'late', 'clear', 'quiet', 'helpful', 'rushed', 'clean', 'warm'];

/** The search bench's 100,000 observations over two years and three sites, half of them tagged. */
export const LARGE_SEED: SeedOptions = {
  observations: 100_000,
  from: new Date('2024-12-01T00:00:00Z'),
  to: new Date('2026-12-01T00:00:00Z'),
  sites: ['Sutton', 'Chelsea', 'Kingston'],
  areasPerSite: 15,
  observationsPerRound: 40,
  seed: 2026,
  tagged: 0.5,
};

/**
 * A contributor's signed-off round for the bundle and hub benches: the test fixture's, an hour
 * after the last for each `day`, with varied words and half its observations tagged.
 */
export function signedOffRound(
  random: () => number,
  day: number,
  contributor: number,
  observationsPerRound: number,
): RoundContentDto {
  const at = new Date(Date.parse('2026-01-05T09:00:00Z') + day * 3_600_000).toISOString();
  const base = syntheticRound(observationsPerRound, `Site ${contributor}`, at);
  const visit = base.areas[0]!;
  const word = () => WORDS[Math.floor(random() * WORDS.length)];
  const observations = base.observations.map((o, i) => ({
    ...o,
    capturedAt: new Date(Date.parse(at) + i * 1000).toISOString(),
    text: `The staff were ${word()} and the ward was ${word()} (${i}).`,
    sentimentConfirmed: i % 2 === 0 ? ('positive' as const) : null,
  }));
  return {
    ...base,
    areas: [{ ...visit, area: { ...visit.area, name: `Ward ${day}` } }],
    observations,
    tags: observations
      .filter((_, i) => i % 2 === 0)
      .map((o) => ({
        itemId: o.id,
        frameworkId: 'trust-key-themes',
        tagId: 'confidence-and-trust',
        impact: null,
        description: null,
        createdAt: at,
      })),
    signOff: {
      ...base.signOff,
      signerName: `Governor ${contributor}`,
      contentSha256: createHash('sha256').update(base.round.id).digest('hex'),
    },
  };
}

/** A floor: the rounds' rows written with prepared INSERTs in one transaction, with no app in between. */
export function rawInsertRounds(ctx: AppContext, rounds: readonly RoundContentDto[]): number {
  const { sqlite } = ctx.store;
  const area = sqlite.prepare(
    'INSERT OR IGNORE INTO areas (id, site, name, created_at, contributor_key_id) VALUES (?, ?, ?, ?, ?)',
  );
  const round = sqlite.prepare(
    `INSERT INTO rounds (id, starts_at, site, template_id, status, created_at, updated_at, completed_at) VALUES (?, ?, ?, NULL, 'in_progress', ?, ?, ?)`,
  );
  const visit = sqlite.prepare(
    'INSERT INTO round_areas (id, round_id, area_id, visited_at, position) VALUES (?, ?, ?, ?, 0)',
  );
  const observation =
    sqlite.prepare(`INSERT INTO observations (id, round_id, area_id, captured_at, kind, source, text, prompt_id, created_at, updated_at,
    sentiment_suggested, sentiment_drivers, sentiment_confirmed, fft_answer, equality_status, needs_follow_up) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, NULL, ?, 0)`);
  const tag = sqlite.prepare(
    `INSERT INTO item_tags (item_kind, item_id, framework_id, tag_id, impact, description, created_at) VALUES ('observation', ?, ?, ?, NULL, NULL, ?)`,
  );
  const t0 = performance.now();
  sqlite.transaction(() => {
    for (const c of rounds) {
      const v = c.areas[0]!;
      area.run(v.area.id, v.area.site, v.area.name, v.area.createdAt, 'a'.repeat(64));
      round.run(
        c.round.id,
        c.round.startsAt,
        c.round.site,
        c.round.createdAt,
        c.round.updatedAt,
        c.round.completedAt,
      );
      visit.run(v.id, c.round.id, v.area.id, v.visitedAt);
      for (const o of c.observations) {
        observation.run(
          o.id,
          c.round.id,
          o.areaId,
          o.capturedAt,
          o.kind,
          o.source,
          o.text,
          o.createdAt,
          o.updatedAt,
          o.sentimentSuggested,
          o.sentimentDrivers,
          o.sentimentConfirmed,
          o.equalityStatus,
        );
      }
      for (const t of c.tags) tag.run(t.itemId, t.frameworkId, t.tagId, t.createdAt);
    }
  })();
  return (performance.now() - t0) / 1000;
}

/**
 * `count` actions at Sutton, one every `everyMs` from 2025-01-01, spread over `areaIds`, due up to
 * 60 days after and in a random status. Call inside a transaction.
 */
export function insertBenchActions(
  sqlite: Database,
  options: { count: number; everyMs: number; areaIds: readonly string[]; random: () => number },
): void {
  const { count, everyMs, areaIds, random } = options;
  const insertAction = sqlite.prepare(
    `INSERT INTO actions (id, said, will_do, owner_name, site, area_id, due_date, status, said_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'Sutton', ?, ?, ?, ?, ?, ?)`,
  );
  for (let i = 0; i < count; i += 1) {
    const created = new Date(Date.parse('2025-01-01T09:00:00Z') + i * everyMs).toISOString();
    const due = new Date(Date.parse(created) + Math.floor(random() * 60) * 86_400_000).toISOString();
    const status = ACTION_STATUSES[Math.floor(random() * ACTION_STATUSES.length)]!;
    insertAction.run(
      randomUUID(),
      `Concern ${i}: the call bell was out of reach`,
      `Remind staff at handover (${i})`,
      `Owner ${i % 25}`,
      areaIds[i % areaIds.length],
      due.slice(0, 10),
      status === 'fed_back' ? 'done' : status,
      created,
      created,
      created,
    );
  }
}
