import { describe, expect, it } from 'vitest';
import type { ObservationDto } from '../../ipc/contract';
import { planRestore } from '../../renderer/src/lib/draft-restore';
import type { Draft } from '../../renderer/src/lib/draft-store';
import { anObservation, aRound } from './renderer-observation-fixture';

const AREA = 'area-1';

const round = (observations: ObservationDto[]) => aRound(observations);

function observation(id: string, text: string, updatedAt: string): ObservationDto {
  return anObservation({ id, areaId: AREA, text, updatedAt });
}

function draft(patch: Partial<Draft>): Draft {
  return {
    key: 'd1',
    observationId: null,
    fields: { areaId: AREA, kind: 'heard', source: 'patient', text: '', promptId: null },
    revision: 1,
    savedRevision: 0,
    savedFields: null,
    baseUpdatedAt: null,
    startedAt: '2025-11-26T09:00:30.000Z',
    changedAt: '2025-11-26T09:02:00.000Z',
    purpose: 'new',
    ...patch,
  };
}

const fields = (text: string) => ({
  areaId: AREA,
  kind: 'heard' as const,
  source: 'patient' as const,
  text,
  promptId: null,
});

describe('restoring drafts after a reload or crash', () => {
  it('puts back text that never reached the database', () => {
    const d = draft({ fields: fields('The nurse explained everything') });
    const plan = planRestore({ activeKey: 'd1', drafts: { d1: d } }, round([]));
    expect(plan.active?.fields.text).toBe('The nurse explained everything');
    expect(plan.active?.observationId).toBeNull();
  });

  it('keeps local words typed after the last save when they are newer than the saved copy', () => {
    const d = draft({
      observationId: 'o1',
      fields: fields('Waiting room was full and hot'),
      savedFields: fields('Waiting room was full'),
      revision: 5,
      savedRevision: 3,
      baseUpdatedAt: '2025-11-26T09:01:30.000Z',
      changedAt: '2025-11-26T09:02:00.000Z',
    });
    const saved = observation('o1', 'Waiting room was full', '2025-11-26T09:01:30.000Z');
    const plan = planRestore({ activeKey: 'd1', drafts: { d1: d } }, round([saved]));
    expect(plan.active?.fields.text).toBe('Waiting room was full and hot');
  });

  it('prefers the database copy when it was saved after the local change', () => {
    const d = draft({
      observationId: 'o1',
      fields: fields('old words'),
      savedFields: fields('older'),
      revision: 2,
      savedRevision: 1,
      changedAt: '2025-11-26T09:02:00.000Z',
    });
    const saved = observation('o1', 'newer words from the database', '2025-11-26T09:05:00.000Z');
    const plan = planRestore({ activeKey: 'd1', drafts: { d1: d } }, round([saved]));
    expect(plan.active?.fields.text).toBe('newer words from the database');
  });

  it('keeps local words when the database copy is newer only because it was tagged', () => {
    const d = draft({
      observationId: 'o1',
      fields: fields('Waited an hour for an interpreter'),
      savedFields: fields('Waited an hour'),
      revision: 4,
      savedRevision: 2,
      changedAt: '2025-11-26T09:02:00.000Z',
    });
    // Same text as the draft last saved, but tags were set afterwards.
    const saved = observation('o1', 'Waited an hour', '2025-11-26T09:02:01.000Z');
    const plan = planRestore({ activeKey: 'd1', drafts: { d1: d } }, round([saved]));
    expect(plan.active?.fields.text).toBe('Waited an hour for an interpreter');
  });

  it('adopts an observation whose create landed but whose answer was lost, instead of creating it again', () => {
    const d = draft({ fields: fields('Lovely volunteers at reception') });
    const saved = observation('o9', 'Lovely volunteers', '2025-11-26T09:01:00.000Z');
    const plan = planRestore({ activeKey: 'd1', drafts: { d1: d } }, round([saved]));
    expect(plan.active?.observationId).toBe('o9');
    expect(plan.active?.fields.text).toBe('Lovely volunteers at reception');
  });

  it('drops drafts of observations that were deleted, and saved drafts no longer in the form', () => {
    const gone = draft({
      key: 'gone',
      observationId: 'deleted',
      fields: fields('x'),
      savedFields: fields(''),
    });
    const done = draft({
      key: 'done',
      observationId: 'o1',
      fields: fields('a'),
      revision: 2,
      savedRevision: 2,
    });
    const plan = planRestore(
      { activeKey: null, drafts: { gone, done } },
      round([observation('o1', 'a', '2025-11-26T09:01:00.000Z')]),
    );
    expect(plan.discard.sort()).toEqual(['done', 'gone']);
    expect(plan.active).toBeNull();
  });

  it('saves unsaved drafts that had left the form in the background', () => {
    const earlier = draft({ key: 'earlier', fields: fields('First thing we heard') });
    const plan = planRestore({ activeKey: null, drafts: { earlier } }, round([]));
    expect(plan.background.map((d) => d.key)).toEqual(['earlier']);
  });
});
