import { describe, expect, it } from 'vitest';
import type { ObservationDto, RequestOf } from '../../ipc/contract';
import type { Result } from '../../ipc/errors';
import { CaptureController } from '../../renderer/src/lib/capture-controller';
import { DraftStore, draftStorageKey, type StorageLike } from '../../renderer/src/lib/draft-store';
import { anObservation, aRound, TWO_AREAS } from './renderer-observation-fixture';

const ROUND_ID = 'round-1';

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const aRoundInTwoAreas = (observations: ObservationDto[] = []) => aRound(observations, TWO_AREAS);

/** A fake database behind the two channels the controller uses. */
function fakeDatabase() {
  const rows = new Map<string, ObservationDto>();
  let next = 1;
  return {
    rows,
    create: async (request: RequestOf<'observations:create'>): Promise<Result<ObservationDto>> => {
      const row = anObservation({ ...request, id: `obs-${next++}`, updatedAt: new Date().toISOString() });
      rows.set(row.id, row);
      return { ok: true, value: row };
    },
    update: async (request: RequestOf<'observations:update'>): Promise<Result<ObservationDto>> => {
      const row = rows.get(request.id);
      if (row === undefined) return { ok: false, error: { kind: 'not_found', message: 'gone' } };
      const updated = { ...row, ...request.changes, updatedAt: new Date().toISOString() };
      rows.set(row.id, updated);
      return { ok: true, value: updated };
    },
  };
}

function controllerFor(
  storage: StorageLike,
  db: ReturnType<typeof fakeDatabase>,
  round = aRoundInTwoAreas(),
) {
  let key = 0;
  return new CaptureController(round, {
    store: new DraftStore(storage, ROUND_ID),
    create: db.create,
    update: db.update,
    onSaved: () => undefined,
    newKey: () => `draft-${++key}-${Math.random()}`,
    saverOptions: { debounceMs: 1 },
  });
}

describe('the capture form controller', () => {
  it('starts in the last area added, as something heard from a patient', () => {
    const capture = controllerFor(memoryStorage(), fakeDatabase());
    expect(capture.getSnapshot().draft.fields).toMatchObject({
      areaId: 'area-2',
      kind: 'heard',
      source: 'patient',
    });
  });

  it('"Save and start another" clears the words and the choices, keeps the area, and still saves the one just finished', async () => {
    const storage = memoryStorage();
    const db = fakeDatabase();
    const capture = controllerFor(storage, db);
    capture.change({ kind: 'quote', source: 'visitor', text: 'They listened to me' });
    capture.startAnother();
    expect(capture.getSnapshot().draft.fields).toMatchObject({
      kind: 'heard',
      source: 'patient',
      text: '',
      areaId: 'area-2',
    });
    expect(await capture.flushAll()).toBe(true);
    expect([...db.rows.values()].map((r) => r.text)).toEqual(['They listened to me']);
    // Saved, so only the (empty) form's draft is left in storage.
    const stored = JSON.parse(storage.data.get(draftStorageKey(ROUND_ID)) ?? '{}') as { drafts: object };
    expect(Object.keys(stored.drafts)).toHaveLength(1);
  });

  it('keeps kind and from whom for the next one only when asked to', () => {
    const capture = controllerFor(memoryStorage(), fakeDatabase());
    capture.change({ kind: 'quote', source: 'visitor', text: 'Parking is hard' });
    capture.startAnother({ keepKindAndSource: true });
    expect(capture.getSnapshot().draft.fields).toMatchObject({ kind: 'quote', source: 'visitor', text: '' });
  });

  it('after a reload, saves what the last page left unsaved, once', async () => {
    const storage = memoryStorage();
    const db = fakeDatabase();
    const before = controllerFor(storage, db);
    before.change({ text: 'Typed just before the crash' });
    // No flush: the window "crashes" here, with the words only in storage.

    const after = controllerFor(storage, db);
    expect(after.getSnapshot().draft.fields.text).toBe('Typed just before the crash');
    after.start();
    expect(await after.flushAll()).toBe(true);
    expect([...db.rows.values()].map((r) => r.text)).toEqual(['Typed just before the crash']);
  });

  it('adding an area while half-way through an observation leaves it in its area and starts a fresh one', async () => {
    const db = fakeDatabase();
    const round = aRoundInTwoAreas();
    const capture = controllerFor(memoryStorage(), db, round);
    capture.change({ areaId: 'area-1', text: 'Noisy at night' });
    capture.moveToArea('area-2');
    expect(capture.getSnapshot().draft.fields).toMatchObject({ areaId: 'area-2', text: '' });
    await capture.flushAll();
    expect([...db.rows.values()]).toMatchObject([{ areaId: 'area-1', text: 'Noisy at night' }]);
  });

  it('editing loads the observation and sends only updates; deleting it clears the form', async () => {
    const db = fakeDatabase();
    const existing = await db.create({
      roundId: ROUND_ID,
      areaId: 'area-1',
      kind: 'seen',
      source: 'staff',
      text: 'Old words',
      promptId: null,
    });
    if (!existing.ok) throw new Error('the fake database refused a create');
    const capture = controllerFor(memoryStorage(), db, aRoundInTwoAreas([existing.value]));
    capture.edit(existing.value);
    expect(capture.getSnapshot().draft).toMatchObject({ purpose: 'edit', fields: { text: 'Old words' } });
    capture.change({ text: 'New words' });
    await capture.flushAll();
    expect(db.rows.size).toBe(1);
    expect(db.rows.get(existing.value.id)?.text).toBe('New words');

    capture.forget(existing.value.id);
    expect(capture.getSnapshot().draft).toMatchObject({
      purpose: 'new',
      observationId: null,
      fields: { text: '' },
    });
  });
});
