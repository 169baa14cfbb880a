import { describe, expect, it } from 'vitest';
import {
  DraftStore,
  draftStorageKey,
  type Draft,
  type StorageLike,
} from '../../renderer/src/lib/draft-store';

const ROUND_ID = 'round-1';

/** localStorage as two windows of the same round share it, counting reads. */
function sharedStorage(): StorageLike & { data: Map<string, string>; reads: number } {
  const data = new Map<string, string>();
  const storage = {
    data,
    reads: 0,
    getItem: (key: string) => {
      storage.reads += 1;
      return data.get(key) ?? null;
    },
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
  return storage;
}

function aDraft(key: string, text: string): Draft {
  const at = '2026-12-08T09:41:00.000Z';
  return {
    key,
    observationId: null,
    fields: { areaId: 'area-1', kind: 'heard', source: 'patient', text, promptId: null },
    revision: text.length,
    savedRevision: 0,
    savedFields: null,
    baseUpdatedAt: null,
    startedAt: at,
    changedAt: at,
    purpose: 'new',
  };
}

const textOf = (store: DraftStore, key: string) => store.read().drafts[key]?.fields.text;

describe('the local copy of drafts', () => {
  it('keeps each key typed, and what another window of the same round wrote in between', () => {
    const storage = sharedStorage();
    const here = new DraftStore(storage, ROUND_ID);
    const there = new DraftStore(storage, ROUND_ID);
    here.put(aDraft('a', 'The'), { active: true });
    there.put(aDraft('b', 'Calm'));
    here.put(aDraft('a', 'The n'));
    here.put(aDraft('a', 'The nu'));

    const fresh = new DraftStore(storage, ROUND_ID);
    expect(textOf(fresh, 'a')).toBe('The nu');
    expect(textOf(fresh, 'b')).toBe('Calm');
    expect(fresh.read().activeKey).toBe('a');
  });

  it('reads back a copy changed outside the app, and drops one that is not a list of drafts', () => {
    const storage = sharedStorage();
    const store = new DraftStore(storage, ROUND_ID);
    store.put(aDraft('a', 'The nurse'), { active: true });
    const stored = JSON.parse(storage.data.get(draftStorageKey(ROUND_ID))!) as {
      drafts: Record<string, Draft>;
    };
    stored.drafts.a!.fields.text = 'The nurses';
    storage.data.set(draftStorageKey(ROUND_ID), JSON.stringify(stored));
    expect(textOf(store, 'a')).toBe('The nurses');

    storage.data.set(draftStorageKey(ROUND_ID), '{"drafts": 3}');
    expect(store.read().drafts).toEqual({});
  });

  it('still looks at the stored copy on every key, so nothing another window wrote is overwritten', () => {
    const storage = sharedStorage();
    const store = new DraftStore(storage, ROUND_ID);
    store.put(aDraft('a', 'T'), { active: true });
    const before = storage.reads;
    for (const text of ['Th', 'The', 'The ']) store.put(aDraft('a', text));
    expect(storage.reads - before).toBe(3);
    expect(textOf(new DraftStore(storage, ROUND_ID), 'a')).toBe('The ');
  });

  it('with writes deferred, writes each change once its turn comes, or at once when flushed', () => {
    const storage = sharedStorage();
    const later: (() => void)[] = [];
    const store = new DraftStore(storage, ROUND_ID, { defer: (write) => void later.push(write) });
    store.put(aDraft('a', 'T'), { active: true });
    store.put(aDraft('a', 'Th'));
    expect(storage.data.size).toBe(0);
    // Asked for once for the changes waiting, and they are already what the store reads.
    expect(later).toHaveLength(1);
    expect(textOf(store, 'a')).toBe('Th');

    later.shift()!();
    expect(textOf(new DraftStore(storage, ROUND_ID), 'a')).toBe('Th');

    store.put(aDraft('a', 'The'));
    store.flush();
    expect(textOf(new DraftStore(storage, ROUND_ID), 'a')).toBe('The');
    // The write that was asked for finds nothing left to write.
    later.shift()!();
    expect(textOf(new DraftStore(storage, ROUND_ID), 'a')).toBe('The');
  });

  it('with writes deferred, keeps what another window wrote in the meantime, and applies changes in order', () => {
    const storage = sharedStorage();
    const here = new DraftStore(storage, ROUND_ID, { defer: () => undefined });
    here.put(aDraft('a', 'The'), { active: true });
    here.remove('a');
    here.put(aDraft('a', 'The n'));
    new DraftStore(storage, ROUND_ID).put(aDraft('b', 'Calm'));
    here.flush();

    const stored = new DraftStore(storage, ROUND_ID).read();
    expect(stored.drafts.a?.fields.text).toBe('The n');
    expect(stored.drafts.b?.fields.text).toBe('Calm');
    // In order: made active, removed (so none is active), then put back without being made active.
    expect(stored.activeKey).toBeNull();
  });
});
