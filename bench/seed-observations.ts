import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createSearchIndexer } from '../db/search-indexer';
import { SENTIMENT_LABELS } from '../ipc/vocabulary';
import { EQUALITY_GROUPS, TRUST_KEY_THEMES } from '../domain/tagging/frameworks';

// Realistic-looking observations for benchmarks: sentences assembled from phrase pools by a
// seeded generator, so every run works on the same data.

// Pools sized so a particular concern ("interpreter", "hearing loop") turns up in one or two
// observations in a hundred, as it does in real feedback, while everyday words recur often.
const OPENINGS = [
  'The nurses on the ward',
  'My husband said the staff',
  'A volunteer at the entrance',
  'The consultant',
  'Reception staff in outpatients',
  'Our daughter told us the team',
  'The porter who took me down',
  'Staff on the day unit',
  'The chemotherapy nurse',
  'The pharmacist',
  'The healthcare assistant',
  'A patient in the bay told us the doctors',
  'My wife felt the radiographers',
  'The ward clerk',
  'The clinical nurse specialist',
  'Night staff',
  'The physiotherapist',
  'A carer waiting in the corridor said the team',
  'The dietitian',
  'The phlebotomy team',
];
const MIDDLES = [
  'were kind and explained everything',
  'never told us how long the wait would be',
  'made sure there was an interpreter',
  'could not find a wheelchair',
  'kept the bay calm and quiet at night',
  'left the call bell out of reach',
  'answered every question about the scan',
  'did not mention the parking refund',
  'brought a hearing loop for the appointment',
  'apologised for the cancelled clinic',
  'asked what matters to me',
  'forgot the halal meal again',
  'spent time with my mum',
  'rushed through the discharge letter',
  'checked on me every hour',
  'lost my blood results twice',
  'explained the side effects in plain words',
  'gave me a leaflet I could not read',
  'made me feel safe',
  'were too busy to talk',
  'moved me between three wards',
  'remembered my name',
  'sorted my pain relief quickly',
  'talked over me to my son',
  'helped me with the menu',
  'found me a quiet room for bad news',
  'changed my appointment without telling me',
  'were cheerful despite being short-staffed',
  'kept the curtains closed for my dignity',
  'took ages to answer the phone',
  'showed me where the prayer room was',
  'gave conflicting advice about my tablets',
  'made a fuss of my birthday',
  'let my dog visit',
  'explained the trial clearly',
  'did not wash their hands',
  'organised transport home',
  'forgot to order my medication',
  'sat with me while I cried',
  'turned the lights down at night',
  'asked about my religion before the procedure',
  'could not find my notes',
  'spoke to me like a person',
  'offered me a cup of tea',
  'were rude at the front desk',
  'kept my family updated',
  'arranged the scan the same day',
  'ignored the buzzer',
  'made the signage make sense',
  'found parking for my husband',
  'were patient with my questions',
  'said the lift was broken again',
  'brought a chair for my carer',
  'explained why the clinic was late',
  'mixed up my appointments',
  'gave me a number to call at night',
  'noticed I was in pain',
  'were wonderful with my children',
  'left food out of my reach',
  'treated me with respect',
];
const ENDINGS = [
  'and it made all the difference.',
  'which left us feeling anxious.',
  'so we felt listened to.',
  'but the signage was confusing.',
  'although the corridor was cluttered.',
  'and the toilets were spotless.',
  'while the waiting room was cold.',
  'and nothing was too much trouble.',
  'which I will not forget.',
  'and I would recommend them.',
  'but the food was cold.',
  'so I had to ask again.',
  'and the ward was very clean.',
  'which was upsetting.',
  'and we were grateful.',
  'but nobody followed it up.',
  'even though it was a busy day.',
  'and my worries eased.',
  'so I missed my lunch.',
  'and the bay was noisy.',
  'which felt like a lottery.',
  'and it was sorted in minutes.',
  'but the heating was broken.',
  'and I felt in control.',
  'which made me cry.',
  'and the volunteers were lovely.',
  'so I felt forgotten.',
  'and everything ran on time.',
  'but there was nowhere to sit.',
  'and I knew who to ask.',
];

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SeedOptions = {
  observations: number;
  from: Date;
  to: Date;
  sites: string[];
  areasPerSite: number;
  observationsPerRound: number;
  seed: number;
  /** Share of observations given a theme tag, an equality tag and a confirmed sentiment. */
  tagged: number;
};

export function seedObservations(sqlite: Database, options: SeedOptions): void {
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const span = options.to.getTime() - options.from.getTime();
  const areaIds = new Map<string, string[]>();
  const insertArea = sqlite.prepare(
    "INSERT INTO areas (id, site, name, created_at) VALUES (?, ?, ?, 'seed')",
  );
  for (const site of options.sites) {
    const ids = Array.from({ length: options.areasPerSite }, (_, i) => {
      const id = randomUUID();
      insertArea.run(id, site, `Ward ${i + 1}`);
      return id;
    });
    areaIds.set(site, ids);
  }
  const insertRound = sqlite.prepare(
    "INSERT INTO rounds (id, starts_at, site, template_id, status, created_at, updated_at) VALUES (?, ?, ?, NULL, 'in_progress', ?, ?)",
  );
  const insertVisit = sqlite.prepare(
    'INSERT INTO round_areas (id, round_id, area_id, visited_at, position) VALUES (?, ?, ?, ?, 0)',
  );
  const insertObservation = sqlite.prepare(
    `INSERT INTO observations (id, round_id, area_id, captured_at, kind, source, text, prompt_id, created_at, updated_at,
       sentiment_suggested, sentiment_confirmed, equality_status) VALUES (?, ?, ?, ?, 'heard', 'patient', ?, NULL, ?, ?, ?, ?, ?)`,
  );
  const insertTag = sqlite.prepare(
    "INSERT INTO item_tags (item_kind, item_id, framework_id, tag_id, impact, created_at) VALUES ('observation', ?, ?, ?, ?, 'seed')",
  );
  const impacts = ['positive', 'negative', 'neutral', 'unclear'] as const;
  const groups = EQUALITY_GROUPS.items.filter((g) => g.id !== 'other' && g.id !== 'sexual-orientation');

  sqlite.transaction(() => {
    let roundId = '';
    let site = '';
    let areaId = '';
    for (let i = 0; i < options.observations; i += 1) {
      const at = new Date(
        options.from.getTime() + Math.floor((i / options.observations) * span),
      ).toISOString();
      if (i % options.observationsPerRound === 0) {
        roundId = randomUUID();
        site = pick(options.sites);
        areaId = pick(areaIds.get(site)!);
        insertRound.run(roundId, at, site, at, at);
        insertVisit.run(randomUUID(), roundId, areaId, at);
      }
      const id = randomUUID();
      const tagged = random() < options.tagged;
      const suggested = pick(SENTIMENT_LABELS);
      const confirmed = tagged ? (random() < 0.8 ? suggested : pick(SENTIMENT_LABELS)) : null;
      const text = `${pick(OPENINGS)} ${pick(MIDDLES)} ${pick(ENDINGS)}`;
      insertObservation.run(
        id,
        roundId,
        areaId,
        at,
        text,
        at,
        at,
        suggested,
        confirmed,
        tagged ? 'recorded' : 'not_recorded',
      );
      if (tagged) {
        insertTag.run(id, TRUST_KEY_THEMES.id, pick(TRUST_KEY_THEMES.items).id, null);
        insertTag.run(id, EQUALITY_GROUPS.id, pick(groups).id, pick(impacts));
      }
    }
  })();
  // A bulk load is indexed at once, as the app would just after it.
  createSearchIndexer(sqlite).catchUp();
}
