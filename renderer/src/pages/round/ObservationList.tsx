import { useEffect, useRef, useState } from 'react';
import type { ObservationDto, RoundDetailDto } from '../../../../ipc/contract';
import type { AppErrorShape } from '../../../../ipc/errors';
import { describeError } from '../../lib/error-text';
import { formatTime } from '../../lib/format';
import { KIND_LABELS, SOURCE_LABELS } from '../../lib/labels';

type Props = {
  round: RoundDetailDto;
  locked: boolean;
  editingId: string | null;
  onEdit: (observation: ObservationDto) => void;
  onDelete: (observation: ObservationDto) => Promise<AppErrorShape | null>;
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

export function ObservationList({ round, locked, editingId, onEdit, onDelete }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [problem, setProblem] = useState<AppErrorShape | null>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const areaNames = new Map(round.areas.map((a) => [a.areaId, a.name]));
  const prompts = new Map((round.template?.prompts ?? []).map((p) => [p.id, p.text]));
  const observations = sortNewestFirst(round.observations);

  useEffect(() => {
    if (confirming !== null) confirmRef.current?.focus();
  }, [confirming]);

  const confirmDelete = async (observation: ObservationDto) => {
    const error = await onDelete(observation);
    setProblem(error);
    setConfirming(null);
    if (error === null) headingRef.current?.focus();
  };

  return (
    <section aria-labelledby="observations-heading" className="pxr-section">
      <h2 className="nhsuk-heading-m" id="observations-heading" tabIndex={-1} ref={headingRef}>
        Observations ({observations.length})
      </h2>
      {problem !== null && (
        <div className="nhsuk-error-summary" role="alert">
          <h3 className="nhsuk-error-summary__title">{describeError(problem).title}</h3>
          <div className="nhsuk-error-summary__body">
            <p>{describeError(problem).body}</p>
          </div>
        </div>
      )}
      {observations.length === 0 ? (
        <p>Nothing captured yet.</p>
      ) : (
        <ol className="nhsuk-list pxr-observations">
          {observations.map((observation) => {
            const when = formatTime(observation.capturedAt);
            const prompt = observation.promptId === null ? undefined : prompts.get(observation.promptId);
            return (
              <li key={observation.id} className="pxr-observation">
                <p className="pxr-observation__meta">
                  <strong className="nhsuk-tag nhsuk-tag--white">{KIND_LABELS[observation.kind]}</strong>{' '}
                  <span>
                    {when}, {areaNames.get(observation.areaId) ?? 'Unknown area'}
                    {observation.source === 'not_applicable'
                      ? ''
                      : `, from ${SOURCE_LABELS[observation.source].toLowerCase()}`}
                  </span>
                </p>
                <p className="pxr-observation__text">
                  {observation.text.trim() === '' ? <em>No text</em> : observation.text}
                </p>
                {prompt !== undefined && <p className="pxr-observation__prompt">Prompt: {prompt}</p>}
                {editingId === observation.id && (
                  <p className="pxr-observation__editing">Being edited above</p>
                )}

                {!locked && confirming === observation.id && (
                  <div className="pxr-confirm">
                    <p tabIndex={-1} ref={confirmRef} className="nhsuk-body">
                      <strong>Delete this observation from {when}? This cannot be undone.</strong>
                    </p>
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--warning nhsuk-button--small"
                      onClick={() => void confirmDelete(observation)}
                    >
                      Yes, delete it
                    </button>{' '}
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                      onClick={() => setConfirming(null)}
                    >
                      No, keep it
                    </button>
                  </div>
                )}
                {!locked && confirming !== observation.id && (
                  <div className="pxr-observation__actions">
                    {editingId !== observation.id && (
                      <button
                        type="button"
                        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                        onClick={() => onEdit(observation)}
                      >
                        Edit<span className="nhsuk-u-visually-hidden"> observation from {when}</span>
                      </button>
                    )}{' '}
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                      onClick={() => setConfirming(observation.id)}
                    >
                      Delete<span className="nhsuk-u-visually-hidden"> observation from {when}</span>
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
