// The state of an open round: the round as last saved, the tag catalogue, the capture controller,
// and what happens when an area is added, an observation deleted or the round completed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ObservationDto, RoundAreaDto, RoundDetailDto } from '../../../../ipc/contract';
import type { AppErrorShape } from '../../../../ipc/errors';
import { api } from '../../api-client';
import { isRoundLocked } from '../../lib/labels';
import { upsertObservation, withCustomTag } from '../../lib/round-state';
import { useLoad } from '../../lib/use-load';
import { observationElementId } from '../observations/ObservationList';
import { useCapture } from '../observations/use-capture';

export function useRoundWorkspace(initial: RoundDetailDto, focusObservationId: string | null) {
  const [round, setRound] = useState(initial);
  const lockedNotice = useRef<HTMLDivElement>(null);
  const [justCompleted, setJustCompleted] = useState(false);
  const locked = isRoundLocked(round.status);
  const [catalogue, setCatalogue] = useLoad(() => api['tagging:frameworks']({}), []);
  const tagsReady = catalogue.state === 'ready' ? catalogue.value : null;
  // Stable callbacks, so the list of observations is not drawn again for each key typed.
  const onCustomTag = useCallback(
    (tag: { id: string; label: string }) => {
      if (catalogue.state === 'ready') setCatalogue(withCustomTag(catalogue.value, tag));
    },
    [catalogue, setCatalogue],
  );

  // Arriving from a search result: bring that observation into view and give it focus. Runs
  // after the page heading has taken focus (children's effects run first).
  useEffect(() => {
    if (focusObservationId === null) return;
    const element = document.getElementById(observationElementId(focusObservationId));
    if (element === null) return;
    element.scrollIntoView({ block: 'center' });
    element.focus();
  }, [focusObservationId]);

  // The button that was pressed has gone with the form: say what happened, where focus now is.
  useEffect(() => {
    if (justCompleted && locked) lockedNotice.current?.focus();
  }, [justCompleted, locked]);

  const onSaved = useCallback((saved: ObservationDto) => {
    setRound((current) => ({ ...current, observations: upsertObservation(current.observations, saved) }));
  }, []);
  const capture = useCapture(initial, onSaved);

  const onAreaAdded = (area: RoundAreaDto) => {
    setRound((current) => ({
      ...current,
      areas: current.areas.some((a) => a.id === area.id) ? current.areas : [...current.areas, area],
    }));
    capture.moveToArea(area.areaId);
  };

  const onDelete = useCallback(
    async (observation: ObservationDto): Promise<AppErrorShape | null> => {
      const result = await api['observations:delete']({ id: observation.id });
      if (!result.ok) return result.error;
      capture.forget(observation.id);
      setRound((current) => ({
        ...current,
        observations: current.observations.filter((o) => o.id !== observation.id),
      }));
      return null;
    },
    [capture],
  );

  const onComplete = async (): Promise<AppErrorShape | null> => {
    const allSaved = await capture.flushAll();
    if (!allSaved) {
      return {
        kind: 'storage',
        message:
          'Some of what you typed is not saved yet, so the round was not completed. Try again in a moment.',
      };
    }
    const result = await api['rounds:complete']({ roundId: round.id });
    if (!result.ok) return result.error;
    setRound(result.value);
    setJustCompleted(true);
    return null;
  };

  return {
    round,
    locked,
    lockedNotice,
    catalogue,
    tagsReady,
    onCustomTag,
    capture,
    onSaved,
    onAreaAdded,
    onDelete,
    onComplete,
  };
}
