import { describe, expect, it } from 'vitest';
import type { ObservationDto, RequestOf } from '../../ipc/contract';
import type { Result } from '../../ipc/errors';
import { DraftSaver } from '../../renderer/src/lib/draft-saver';
import type { SaveStatus } from '../../renderer/src/lib/save-schedule';
import type { Draft } from '../../renderer/src/lib/draft-store';
import { anObservation } from './renderer-observation-fixture';
import { manualTimers } from '../helpers/manual-timers';

const ROUND = '00000000-0000-4000-8000-000000000001';
const AREA = '00000000-0000-4000-8000-0000000000a1';

function newDraft(): Draft {
  return {
    key: 'k1',
    observationId: null,
    fields: { areaId: AREA, kind: 'heard', source: 'patient', text: '', promptId: null },
    revision: 0,
    savedRevision: 0,
    savedFields: null,
    baseUpdatedAt: null,
    startedAt: '2025-11-26T09:00:00.000Z',
    changedAt: '2025-11-26T09:00:00.000Z',
    purpose: 'new',
  };
}

/** A fake API with controllable replies, recording every call. */
function fakeApi() {
  const calls: { channel: 'create' | 'update'; request: unknown }[] = [];
  const gates: (() => void)[] = [];
  let failNext: Result<ObservationDto> | null = null;
  let gated = false;
  let updatedAt = 0;
  const reply = (id: string, fields: Partial<ObservationDto>): ObservationDto =>
    anObservation({
      roundId: ROUND,
      areaId: AREA,
      ...fields,
      id,
      updatedAt: new Date(Date.UTC(2025, 10, 26, 9, 0, 2) + updatedAt++).toISOString(),
    });
  const answer = async (result: Result<ObservationDto>) => {
    if (gated) await new Promise<void>((resolve) => gates.push(resolve));
    if (failNext !== null) {
      const failure = failNext;
      failNext = null;
      return failure;
    }
    return result;
  };
  return {
    calls,
    holdReplies: () => {
      gated = true;
    },
    releaseReplies: () => {
      gated = false;
      for (const open of gates.splice(0)) open();
    },
    failNextWith: (result: Result<ObservationDto>) => {
      failNext = result;
    },
    create: (request: RequestOf<'observations:create'>) => {
      calls.push({ channel: 'create', request });
      return answer({ ok: true, value: reply('obs-1', request) });
    },
    update: (request: RequestOf<'observations:update'>) => {
      calls.push({ channel: 'update', request });
      return answer({ ok: true, value: reply(request.id, request.changes) });
    },
  };
}

function setup() {
  const timers = manualTimers();
  const api = fakeApi();
  const persisted: Draft[] = [];
  const statuses: SaveStatus[] = [];
  const saver = new DraftSaver(newDraft(), {
    roundId: ROUND,
    create: api.create,
    update: api.update,
    persist: (d) => persisted.push(d),
    onStatus: (s) => statuses.push(s),
    onSaved: () => undefined,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
  });
  return { saver, timers, api, persisted, statuses };
}

const type = (saver: DraftSaver, text: string) => saver.change({ ...saver.current.fields, text });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the draft saver', () => {
  it('mirrors every keystroke to storage before any save happens', () => {
    const { saver, persisted, api } = setup();
    type(saver, 'T');
    type(saver, 'Th');
    expect(persisted.map((d) => d.fields.text)).toEqual(['T', 'Th']);
    expect(api.calls).toEqual([]);
  });

  it('waits for a 300 ms pause in typing, then creates the observation once', async () => {
    const { saver, timers, api } = setup();
    type(saver, 'Clean');
    type(saver, 'Clean ward');
    expect(timers.delays()).toEqual([300]);
    timers.fireAll();
    await settle();
    expect(api.calls).toEqual([
      { channel: 'create', request: expect.objectContaining({ text: 'Clean ward' }) },
    ]);
    expect(saver.current.observationId).toBe('obs-1');
  });

  it('does not create an observation for a draft with no words', async () => {
    const { saver, timers, api, statuses } = setup();
    type(saver, '   ');
    timers.fireAll();
    await settle();
    expect(api.calls).toEqual([]);
    expect(statuses.at(-1)).toEqual({ state: 'idle' });
  });

  it('never creates twice when typing continues while the create is in flight', async () => {
    const { saver, timers, api } = setup();
    api.holdReplies();
    type(saver, 'Staff');
    timers.fireAll();
    await settle(); // create sent, no answer yet
    type(saver, 'Staff were kind');
    timers.fireAll(); // a second save is queued behind the first
    await settle();
    expect(api.calls.map((c) => c.channel)).toEqual(['create']);
    api.releaseReplies();
    await saver.flush();
    expect(api.calls).toEqual([
      { channel: 'create', request: expect.objectContaining({ text: 'Staff' }) },
      { channel: 'update', request: { id: 'obs-1', changes: { text: 'Staff were kind' } } },
    ]);
    expect(saver.needsSave).toBe(false);
  });

  it('sends only the fields that changed', async () => {
    const { saver, api } = setup();
    type(saver, 'Quiet');
    await saver.flush();
    saver.change({ ...saver.current.fields, kind: 'environment', source: 'not_applicable' });
    await saver.flush();
    expect(api.calls.at(-1)).toEqual({
      channel: 'update',
      request: { id: 'obs-1', changes: { kind: 'environment', source: 'not_applicable' } },
    });
  });

  it('says "retrying" after a storage failure and saves on the retry', async () => {
    const { saver, timers, api, statuses } = setup();
    api.failNextWith({ ok: false, error: { kind: 'storage', message: 'Disk busy' } });
    type(saver, 'Hello');
    await saver.flush();
    expect(statuses.at(-1)).toEqual({ state: 'retrying', error: { kind: 'storage', message: 'Disk busy' } });
    expect(timers.delays()).toEqual([1_000]);
    timers.fireAll();
    await settle();
    await saver.flush();
    expect(statuses.at(-1)).toMatchObject({ state: 'saved' });
    expect(api.calls.filter((c) => c.channel === 'create')).toHaveLength(2);
    expect(saver.current.observationId).toBe('obs-1');
  });

  it('does not retry by itself when the round is locked', async () => {
    const { saver, timers, api, statuses } = setup();
    api.failNextWith({ ok: false, error: { kind: 'locked', message: 'The round is completed.' } });
    type(saver, 'Late words');
    await saver.flush();
    expect(statuses.at(-1)).toMatchObject({ state: 'failed', error: { kind: 'locked' } });
    expect(timers.delays()).toEqual([]);
  });
});
