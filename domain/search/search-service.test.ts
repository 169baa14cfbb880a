import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { observe, roundWithAreas } from '../../test/helpers/round-fixtures';
import { createTestContext, type TestContext } from '../../test/helpers/test-context';
import { seedObservations } from '../../bench/seed-observations';
import { channels } from '../../ipc/contract';
import { COUNT_CAP, createSearch, splitSnippet, toFtsQuery } from './search-service';

let ctx: TestContext;
let clock: Date;
let ids: { nurses: string; parking: string; interpreter: string };
let rounds: { sutton: string; chelsea: string };
let areas: Record<string, string>;

beforeEach(async () => {
  clock = new Date('2026-07-10T10:00:00Z');
  ctx = createTestContext({ now: () => clock });
  const sutton = await roundWithAreas(ctx, 'Sutton', ['Bud Ward', 'Day Unit'], clock);
  const nurses = (
    await observe(ctx, sutton.roundId, sutton.areas['Bud Ward']!, 'The nurses were wonderful with my mum')
  ).id;
  clock = new Date('2026-07-10T10:05:00Z');
  const parking = (
    await observe(
      ctx,
      sutton.roundId,
      sutton.areas['Day Unit']!,
      'Parking is a nightmare and the nurse was late',
    )
  ).id;
  clock = new Date('2026-09-02T09:00:00Z');
  const chelsea = await roundWithAreas(ctx, 'Chelsea', ['Outpatients'], clock);
  const interpreter = (
    await observe(
      ctx,
      chelsea.roundId,
      chelsea.areas['Outpatients']!,
      'No interpreter was booked, nurses tried their best',
    )
  ).id;
  ids = { nurses, parking, interpreter };
  rounds = { sutton: sutton.roundId, chelsea: chelsea.roundId };
  areas = { ...sutton.areas, ...chelsea.areas };
  await ctx.call('tagging:set-item-tags', {
    kind: 'observation',
    id: ids.interpreter,
    tags: [
      { frameworkId: 'trust-key-themes', tagId: 'access', impact: null, description: null },
      { frameworkId: 'equality-groups', tagId: 'limited-english', impact: 'negative', description: null },
    ],
    equalityStatus: 'recorded',
  });
  await ctx.call('observations:set-sentiment', { id: ids.parking, confirmed: 'negative', fftAnswer: null });
});
afterEach(() => ctx.dispose());

const search = async (request: Parameters<TestContext['call']>[1] & object) =>
  (await ctx.call('search:observations', request as never)).results.map((r) => r.observationId);

describe('search', () => {
  it('finds observations by a word, stemmed and as a prefix, with highlighted snippets', async () => {
    const found = await ctx.call('search:observations', { text: 'nurse' });
    expect(found.total).toBe(3);
    expect(new Set(found.results.map((r) => r.observationId))).toEqual(new Set(Object.values(ids)));
    const hit = found.results.find((r) => r.observationId === ids.nurses)!;
    expect(hit.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase())).toEqual(['nurses']);
    expect(hit).toMatchObject({ roundId: rounds.sutton, areaName: 'Bud Ward', site: 'Sutton' });
    expect(await search({ text: 'interp' })).toEqual([ids.interpreter]);
    expect(await search({ text: 'wonderful mum' })).toEqual([ids.nurses]);
    expect(await search({ text: 'wonderful parking' })).toEqual([]);
  });

  it('filters by date range, site, area, round, theme, equality group and sentiment', async () => {
    expect(await search({ text: 'nurse', from: '2026-09-01T00:00:00Z' })).toEqual([ids.interpreter]);
    expect(await search({ text: 'nurse', to: '2026-09-01T00:00:00Z' })).toHaveLength(2);
    expect(await search({ text: 'nurse', site: 'chelsea' })).toEqual([ids.interpreter]);
    expect(await search({ text: 'nurse', areaId: areas['Day Unit']! })).toEqual([ids.parking]);
    expect(await search({ text: 'nurse', roundId: rounds.sutton })).toHaveLength(2);
    expect(
      await search({ text: 'nurse', tag: { frameworkId: 'trust-key-themes', tagId: 'access' } }),
    ).toEqual([ids.interpreter]);
    expect(
      await search({ text: 'nurse', tag: { frameworkId: 'equality-groups', tagId: 'limited-english' } }),
    ).toEqual([ids.interpreter]);
    expect(await search({ text: 'nurse', sentiment: 'negative' })).toContain(ids.parking);
    expect(await search({ text: 'nurse', sentiment: 'positive' })).toEqual([ids.nurses]);
    expect(await search({ text: '', site: 'Sutton' })).toEqual([ids.parking, ids.nurses]);
  });

  it('takes a whole word as that word in its forms, and any other word as the start of one', async () => {
    const round = await roundWithAreas(ctx, 'Sutton', ['Bud Ward'], clock);
    const carer = (await observe(ctx, round.roundId, round.areas['Bud Ward']!, 'My carer stayed all day')).id;
    // "car" is written nowhere as a word: it finds the words that start with it.
    expect(await search({ text: 'car' })).toEqual([carer]);
    const car = (await observe(ctx, round.roundId, round.areas['Bud Ward']!, 'Our cars were clamped')).id;
    // Now it is ("cars" is a form of it), and it no longer finds "carer".
    expect(await search({ text: 'car' })).toEqual([car]);
    expect(await search({ text: 'care' })).toEqual([carer]);
    expect(toFtsQuery('car interp', (word) => word === 'car')).toBe('"car" "interp"*');
  });

  it('keeps a period exact to the millisecond, though the index counts whole seconds', async () => {
    const round = await roundWithAreas(ctx, 'Sutton', ['Bud Ward'], clock);
    clock = new Date('2026-10-01T10:00:00.200Z');
    const early = (await observe(ctx, round.roundId, round.areas['Bud Ward']!, 'Lunch came cold')).id;
    clock = new Date('2026-10-01T10:00:00.700Z');
    const late = (await observe(ctx, round.roundId, round.areas['Bud Ward']!, 'Lunch came hot')).id;
    expect(await search({ text: 'lunch', from: '2026-10-01T10:00:00.500Z' })).toEqual([late]);
    expect(await search({ text: 'lunch', to: '2026-10-01T10:00:00.500Z' })).toEqual([early]);
    expect(
      await search({ text: 'lunch', from: '2026-10-01T10:00:00.200Z', to: '2026-10-01T10:00:00.700Z' }),
    ).toEqual([early]);
    expect(
      new Set(await search({ text: 'lunch', from: '2026-10-01T10:00:00Z', to: '2026-10-01T10:00:01Z' })),
    ).toEqual(new Set([early, late]));
    expect(await search({ text: 'lunch', to: '2026-10-01T10:00:00Z' })).toEqual([]);
  });

  it('filters by a site whose name has spaces and punctuation, ignoring case', async () => {
    const round = await roundWithAreas(ctx, 'St Helier (Carshalton) & Co', ['Ward A'], clock);
    const there = (await observe(ctx, round.roundId, round.areas['Ward A']!, 'The nurse sang')).id;
    expect(await search({ text: 'nurse', site: 'st helier (carshalton) & co' })).toEqual([there]);
    expect(await search({ text: 'nurse', site: 'St Helier' })).toEqual([]);
  });

  it('follows edits and deletions', async () => {
    await ctx.call('observations:update', {
      id: ids.nurses,
      changes: { text: 'The staff were wonderful with my mum' },
    });
    expect(await search({ text: 'nurse' })).not.toContain(ids.nurses);
    expect(await search({ text: 'staff' })).toEqual([ids.nurses]);
    await ctx.call('observations:delete', { id: ids.nurses });
    expect(await search({ text: 'staff' })).toEqual([]);
  });

  it('treats search syntax in the input as plain words', async () => {
    expect(toFtsQuery('nurse" OR *')).toBe('"nurse"* "OR"*');
    expect(toFtsQuery('  ')).toBeNull();
    expect(toFtsQuery('café')).toBe('"café"*');
    expect(await search({ text: 'NEAR(nurse' })).toEqual([]);
    expect(await search({ text: '"nurses"' })).toHaveLength(3);
  });

  it('splits snippets into plain and matched parts', () => {
    expect(splitSnippet('…the \u0002nurses\u0003 were \u0002kind\u0003')).toEqual([
      { text: '…the ', match: false },
      { text: 'nurses', match: true },
      { text: ' were ', match: false },
      { text: 'kind', match: true },
    ]);
  });

  it('shows each result its own words, not the first match’s', async () => {
    const { roundId, areas: more } = await roundWithAreas(ctx, 'Kingston', ['Ward 7'], clock);
    for (let i = 1; i <= 5; i += 1)
      await observe(ctx, roundId, more['Ward 7']!, `Call bell number ${i} was out of reach`);
    const found = await ctx.call('search:observations', { text: 'bell', site: 'Kingston' });
    const texts = found.results.map((r) => r.snippet.map((part) => part.text).join(''));
    expect(new Set(texts).size).toBe(5);
    for (const result of found.results) {
      const own = ctx.store.observations.get(result.observationId)!.text;
      expect(result.snippet.map((part) => part.text).join('')).toBe(own);
    }
  });

  it('pages through results', async () => {
    const first = await ctx.call('search:observations', { text: 'nurse', limit: 2 });
    const second = await ctx.call('search:observations', { text: 'nurse', limit: 2, offset: 2 });
    expect(first.total).toBe(3);
    expect(first.results).toHaveLength(2);
    expect(second.results).toHaveLength(1);
  });
});

describe('search over many matches', () => {
  let big: TestContext;
  beforeEach(() => {
    big = createTestContext();
    seedObservations(big.store.sqlite, {
      observations: 700,
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2026-06-01T00:00:00Z'),
      sites: ['Sutton', 'Chelsea'],
      areasPerSite: 3,
      observationsPerRound: 10,
      seed: 5,
      tagged: 0.5,
    });
  });
  afterEach(() => big.dispose());

  it('counts up to the cap, says there are more, and pages newest first within the filters', async () => {
    const request = { text: 'the', site: 'Sutton', from: '2026-02-01T00:00:00Z' };
    const everyMatch = big.store.sqlite
      .prepare(
        `SELECT o.id FROM search_index JOIN search_items si ON si.rowid = search_index.rowid
           JOIN observations o ON o.id = si.item_id JOIN rounds r ON r.id = o.round_id
           WHERE search_index MATCH 'text : "the"' AND r.site = 'Sutton' AND o.captured_at >= ?
           ORDER BY si.rowid DESC`,
      )
      .pluck()
      .all('2026-02-01T00:00:00.000Z') as string[];
    expect(everyMatch.length).toBeGreaterThan(COUNT_CAP + 50);

    const first = await big.call('search:observations', { ...request, limit: 50 });
    expect(first).toMatchObject({ total: COUNT_CAP, totalIsExact: false, order: 'newest' });
    expect(first.results.map((r) => r.observationId)).toEqual(everyMatch.slice(0, 50));
    expect(first.results.every((r) => r.site === 'Sutton' && r.capturedAt >= '2026-02-01')).toBe(true);
    expect(first.results[0]!.snippet.some((part) => part.match)).toBe(true);

    // Paging past the cap keeps counting as far as the page asked for.
    const deep = await big.call('search:observations', { ...request, limit: 50, offset: COUNT_CAP });
    expect(deep).toMatchObject({ total: COUNT_CAP + 50, totalIsExact: false, order: 'newest' });
    expect(deep.results.map((r) => r.observationId)).toEqual(everyMatch.slice(COUNT_CAP, COUNT_CAP + 50));

    // Narrowed below the cap, the count is exact and the order is by relevance.
    const narrow = await big.call('search:observations', { ...request, text: 'the interpreter' });
    expect(narrow.totalIsExact).toBe(true);
    expect(narrow.order).toBe('relevance');
    expect(narrow.total).toBeLessThanOrEqual(COUNT_CAP);
  });

  it('counts right when a second search is set up on the same connection', async () => {
    const request = { text: 'the', site: 'Sutton', from: '2026-02-01T00:00:00Z', limit: 20 };
    // Setting up a search registers its row counter with SQLite again, replacing the one the
    // app's own search registered; both must still count their own walks.
    const second = createSearch(big.store);
    const fromSecond = second(channels['search:observations'].request.parse(request));
    const fromApp = await big.call('search:observations', request);
    for (const answer of [fromSecond, fromApp]) {
      expect(answer).toMatchObject({ total: COUNT_CAP, totalIsExact: false, order: 'newest' });
      expect(answer.results).toHaveLength(20);
    }
    expect(fromApp.results).toEqual(fromSecond.results);
  });
});

describe('search over a few matches', () => {
  it('puts the best match first, however old', async () => {
    const { roundId, areas: more } = await roundWithAreas(ctx, 'Kingston', ['Ward 9'], clock);
    const best = await observe(ctx, roundId, more['Ward 9']!, 'Bell, bell, bell: the bell again');
    clock = new Date('2026-09-03T09:00:00Z');
    await observe(ctx, roundId, more['Ward 9']!, 'The call bell rang once during a long quiet night');
    const found = await ctx.call('search:observations', { text: 'bell' });
    expect(found).toMatchObject({ total: 2, totalIsExact: true, order: 'relevance' });
    expect(found.results[0]!.observationId).toBe(best.id);
  });
});
