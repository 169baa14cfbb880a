import { memo, useRef, useState } from 'react';
import type { ObservationDto, RoundDetailDto } from '../../../../ipc/contract';
import type { AppErrorShape } from '../../../../ipc/errors';
import type { Catalogue } from '../../lib/tag-options';
import { ObservationItem } from './ObservationItem';
import { ProblemAlert } from '../../components/ProblemAlert';

type Props = {
  round: RoundDetailDto;
  locked: boolean;
  /** Tags and sentiment can be changed (until the round is signed off). */
  taggable: boolean;
  catalogue: Catalogue | null;
  editingId: string | null;
  /** An observation to show unfolded from the start (one a search result linked to). */
  openId: string | null;
  /** The observation in the capture form (new or edited): it is tagged there, not here. */
  inFormId: string | null;
  onEdit: (observation: ObservationDto) => void;
  onDelete: (observation: ObservationDto) => Promise<AppErrorShape | null>;
  onSaved: (observation: ObservationDto) => void;
  onCustomTag: (tag: { id: string; label: string }) => void;
};

/**
 * Newest first: the capture form sits above the list, so the observation just written (the one
 * most likely to need a correction) is the nearest one, without scrolling on a small laptop.
 */
export function sortNewestFirst(observations: readonly ObservationDto[]): ObservationDto[] {
  return [...observations].sort(
    (a, b) => Date.parse(b.capturedAt) - Date.parse(a.capturedAt) || b.id.localeCompare(a.id),
  );
}

export const observationElementId = (id: string) => `observation-${id}`;

/** Drawn again only when its own inputs change, not for each key typed in the capture form. */
export const ObservationList = memo(function ObservationList(props: Props) {
  const { round, locked, editingId, inFormId } = props;
  const [confirming, setConfirming] = useState<string | null>(null);
  const [taggingChoice, setTagging] = useState<string | null>(null);
  // The observation now in the capture form is tagged there; two editors would fight.
  const tagging = taggingChoice === inFormId ? null : taggingChoice;
  const [problem, setProblem] = useState<AppErrorShape | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const areaNames = new Map(round.areas.map((a) => [a.areaId, a.name]));
  const prompts = new Map((round.template?.prompts ?? []).map((p) => [p.id, p.text]));
  const observations = sortNewestFirst(round.observations);

  const confirmDelete = async (observation: ObservationDto) => {
    const error = await props.onDelete(observation);
    setProblem(error);
    setConfirming(null);
    if (error === null) headingRef.current?.focus();
  };

  return (
    <section aria-labelledby="observations-heading" className="pxr-section">
      <h2 className="nhsuk-heading-m" id="observations-heading" tabIndex={-1} ref={headingRef}>
        Observations ({observations.length})
      </h2>
      {problem !== null && <ProblemAlert problem={problem} />}
      {observations.length === 0 ? (
        <p>Nothing captured yet.</p>
      ) : (
        <ol className="nhsuk-list pxr-observations">
          {observations.map((observation) => (
            <ObservationItem
              key={observation.id}
              id={observationElementId(observation.id)}
              initiallyOpen={props.openId === observation.id}
              observation={observation}
              areaName={areaNames.get(observation.areaId) ?? 'Unknown area'}
              prompt={observation.promptId === null ? undefined : prompts.get(observation.promptId)}
              locked={locked}
              taggable={props.taggable && inFormId !== observation.id}
              catalogue={props.catalogue}
              editing={editingId === observation.id}
              confirming={confirming === observation.id}
              tagging={tagging === observation.id}
              onEdit={() => props.onEdit(observation)}
              onAskDelete={() => setConfirming(observation.id)}
              onCancelDelete={() => setConfirming(null)}
              onConfirmDelete={() => void confirmDelete(observation)}
              onToggleTagging={(open) => setTagging(open ? observation.id : null)}
              onSaved={props.onSaved}
              onCustomTag={props.onCustomTag}
            />
          ))}
        </ol>
      )}
    </section>
  );
});
