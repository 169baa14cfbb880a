import { cpSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { KEY_FILE } from '../../db/key-file';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlesDepsOf, exchangeCollectionKey, sendBundle } from '../../test/helpers/bundle-fixtures';
import {
  completedRound,
  signOffCompletedRound,
  signedOffRound,
  signedOffStory,
  SIGNER,
} from '../../test/helpers/sign-off-fixtures';
import { settableClock } from '../../test/helpers/story-fixtures';
import { createTestContext, makeTempDir, type TestContext } from '../../test/helpers/test-context';
import { importBundleFile, makeBundle } from './bundles-service';
import { COLLECTION_KEY_FILE } from './collection-keys';

// Merging is idempotent and order-independent: whatever order overlapping bundles arrive in, and
// however often each arrives, the records on the lead's laptop depend only on which bundles came.

const RECORD_TABLES = [
  'rounds',
  'round_team_members',
  'areas',
  'round_areas',
  'observations',
  'item_tags',
  'clearance_decisions',
  'stories',
  'story_consents',
  'story_read_backs',
  'sign_offs',
  'sign_off_addenda',
  'actions',
  'action_links',
  'action_events',
  'bundle_units',
  'template_prompts',
  'search_items',
];
// The built-in templates are not in the list: each laptop writes them when it starts, with that time.
// Which bundle first brought a record, and when, depends on order by nature, as do the integer
// row ids SQLite hands out; everything else must not.
const ORDER_DEPENDENT = new Set(['bundle_id', 'imported_at', 'rowid']);

function recordDump(ctx: TestContext): string {
  return RECORD_TABLES.map((table) => {
    const columns = (
      ctx.store.sqlite.prepare(`PRAGMA table_info("${table}")`).all() as {
        name: string;
        type: string;
        pk: number;
      }[]
    )
      .filter((c) => !ORDER_DEPENDENT.has(c.name) && !(c.pk === 1 && c.type === 'INTEGER'))
      .map((c) => `"${c.name}"`);
    const rows = ctx.store.sqlite
      .prepare(`SELECT ${columns.join(', ')} FROM "${table}"`)
      .raw()
      .all() as unknown[][];
    return `${table}\n${rows
      .map((r) => JSON.stringify(r))
      .sort()
      .join('\n')}`;
  }).join('\n');
}

const clock = settableClock('2026-11-02T09:00:00.000Z');
let governor: TestContext;
let leadFolder: TestContext;
const bundles: Buffer[] = [];

beforeAll(async () => {
  governor = createTestContext({ now: clock.now });
  leadFolder = createTestContext();
  const g = bundlesDepsOf(governor);
  const keyId = exchangeCollectionKey(bundlesDepsOf(leadFolder), [g]);
  const send = () => sendBundle(g, keyId).bytes;

  const first = await completedRound(governor, new Date('2026-11-02T08:00:00.000Z'));
  const action = await governor.call('actions:create', {
    said: 'A carer could not reach the ward about parking.',
    willDo: 'Put the ward’s direct number on the parking leaflet.',
    ownerName: 'Sam Patel',
    ownerRole: 'Ward manager',
    sources: [{ kind: 'observation', id: first.observations[2]!.id }],
  });
  await signOffCompletedRound(governor, first);
  bundles.push(send());

  clock.set('2026-11-09T09:00:00.000Z');
  await signedOffRound(governor, new Date('2026-11-09T08:00:00.000Z'));
  await governor.call('actions:set-status', { id: action.id, status: 'in_progress' });
  const { story } = await signedOffStory(governor);
  bundles.push(send());

  clock.set('2026-11-16T09:00:00.000Z');
  await governor.call('sign-off:add-addendum', {
    kind: 'round',
    id: first.roundId,
    text: 'The carer was called back the next day.',
    ...SIGNER,
  });
  await governor.call('actions:set-status', { id: action.id, status: 'done' });
  await governor.call('stories:withdraw-consent', { id: story.id, withdrawnOn: '2026-11-16' });
  bundles.push(send());

  // Two bundles for chosen periods, overlapping the three above.
  const byPeriod = (from: string, to: string) =>
    makeBundle(g, {
      recipientKeyId: keyId,
      period: { from, to },
      contributorName: 'Helen Adeyemi',
      contributorRole: 'Governor',
    }).bytes;
  bundles.push(byPeriod('2026-11-01T00:00:00.000Z', '2026-11-30T00:00:00.000Z'));
  bundles.push(byPeriod('2026-11-05T00:00:00.000Z', '2026-11-30T00:00:00.000Z'));
}, 60_000);

afterAll(() => {
  governor.dispose();
  leadFolder.dispose();
});

/** A fresh lead laptop (an empty database) holding the collection key every bundle was sent to. */
function freshLead(): TestContext {
  const temp = makeTempDir();
  for (const file of [KEY_FILE, COLLECTION_KEY_FILE])
    cpSync(join(leadFolder.dataDir, file), join(temp.dir, file));
  return createTestContext({ dataDir: temp.dir, remove: temp.remove });
}

const memo = new Map<string, string>();
function importInOrder(order: readonly number[]): string {
  const lead = freshLead();
  try {
    const deps = bundlesDepsOf(lead);
    for (const i of order)
      importBundleFile(deps, bundles[i]!, { fileName: `bundle-${i}.pxbundle`, confirmSigner: true });
    return recordDump(lead);
  } finally {
    lead.dispose();
  }
}

/** The records after importing each of these bundles once, in the order they were made. */
function expectedFor(order: readonly number[]): string {
  const set = [...new Set(order)].sort((a, b) => a - b);
  const key = set.join(',');
  if (!memo.has(key)) memo.set(key, importInOrder(set));
  return memo.get(key)!;
}

describe('merging overlapping bundles', () => {
  it('brings in everything the bundles hold: two rounds, the addendum, the action at its latest status, and the story withdrawn', () => {
    const lead = freshLead();
    try {
      const deps = bundlesDepsOf(lead);
      for (const bytes of bundles)
        importBundleFile(deps, bytes, { fileName: 'b.pxbundle', confirmSigner: true });
      const one = (sql: string) => lead.store.sqlite.prepare(sql).pluck().get();
      expect(one('SELECT count(*) FROM rounds')).toBe(2);
      expect(one('SELECT count(*) FROM observations')).toBe(8);
      expect(one('SELECT count(*) FROM sign_off_addenda')).toBe(1);
      expect(one('SELECT status FROM actions')).toBe('done');
      expect(one('SELECT count(*) FROM action_events')).toBe(3);
      expect(one('SELECT status FROM stories')).toBe('withdrawn');
      expect(one(`SELECT count(*) FROM search_items WHERE item_kind = 'story'`)).toBe(0);
    } finally {
      lead.dispose();
    }
  });

  it('gives the same records whatever the order, and however often each bundle arrives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: bundles.length - 1 }), { minLength: 1, maxLength: 7 }),
        (order) => {
          expect(importInOrder(order)).toBe(expectedFor(order));
        },
      ),
      { numRuns: 20, seed: 1207 },
    );
  }, 240_000);

  it('holds for every order of all five bundles tried with a withdrawal before its story', () => {
    // The withdrawal (bundle 3) and the chosen periods (4, 5) before the story's own bundle (2).
    expect(importInOrder([2, 3, 4, 1, 0])).toBe(expectedFor([0, 1, 2, 3, 4]));
  }, 60_000);
});
