import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ObservationDto } from '../../../../ipc/contract';
import type { SaveStatus } from '../../lib/save-schedule';
import { formatTime, observationName } from '../../lib/format';
import { KIND_LABELS, SOURCE_LABELS } from '../../lib/labels';
import type { Catalogue } from '../../lib/tag-options';
import { FollowUpControls } from './FollowUpControls';
import { ObservationCheck } from './ObservationCheck';
import { ObservationFacts } from './ObservationFacts';
import { ObservationTagging } from './ObservationTagging';
import { metaStatusText } from '../../components/SaveStatusLine';
import { MaskedText } from '../../components/MaskedText';

type Props = {
  id: string;
  /** Unfolded from the start: the observation a search result or link brought the person to. */
  initiallyOpen?: boolean;
  observation: ObservationDto;
  areaName: string;
  prompt: string | undefined;
  locked: boolean;
  taggable: boolean;
  catalogue: Catalogue | null;
  editing: boolean;
  confirming: boolean;
  tagging: boolean;
  onEdit: () => void;
  onAskDelete: () => void;
  onCancelDelete: () => void;
  onConfirmDelete: () => void;
  onToggleTagging: (open: boolean) => void;
  onSaved: (observation: ObservationDto) => void;
  onCustomTag: (tag: { id: string; label: string }) => void;
};

const EQUALITY_FALLBACK = 'equality-groups';

export function ObservationItem(props: Props) {
  const { observation, locked, confirming, id } = props;
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [checking, setChecking] = useState(false);
  // Folded to one line, so a long round stays a short page; unfolded to read, tag or edit it.
  const [open, setOpen] = useState(props.initiallyOpen === true);
  const foldButton = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);
  // The line's button is replaced as it folds or unfolds: focus follows it.
  useEffect(() => {
    if (toggled.current) foldButton.current?.focus();
  }, [open]);
  const toggle = (next: boolean) => {
    toggled.current = true;
    setOpen(next);
  };
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  // Time and first words: two observations from the same minute still have different labels.
  const when = observationName(observation);
  const equalityId = props.catalogue?.frameworks.find((f) => f.kind === 'equality')?.id ?? EQUALITY_FALLBACK;
  const onStatus = useCallback((next: SaveStatus) => setStatus(next), []);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const closeTagging = () => {
    props.onToggleTagging(false);
    toggleRef.current?.focus();
  };

  const meta = `${formatTime(observation.capturedAt)}, ${props.areaName}${
    observation.source === 'not_applicable' ? '' : `, from ${SOURCE_LABELS[observation.source].toLowerCase()}`
  }`;
  const bodyId = `${id}-body`;
  const lineTextId = `${id}-line`;
  // A list on a ward screen hides NHS numbers, phone numbers and the like until Show is pressed.
  const lineParts = useMemo(
    () => [{ text: observation.text.trim() === '' ? 'no text' : observation.text, match: false }],
    [observation.text],
  );

  if (!open) {
    return (
      // Focusable from a search result's link, which brings the observation into view.
      <li className="pxr-observation pxr-observation--folded" id={id} tabIndex={-1}>
        <p className="pxr-observation__line">
          <button
            type="button"
            className="pxr-observation__toggle"
            id={`${id}-toggle`}
            aria-expanded={false}
            aria-controls={bodyId}
            // Named by its words too (as masked), so two lines from the same minute differ.
            aria-labelledby={`${id}-toggle ${lineTextId}`}
            ref={foldButton}
            onClick={() => toggle(true)}
          >
            <strong className="nhsuk-tag nhsuk-tag--white">{KIND_LABELS[observation.kind]}</strong> {meta}
            {props.editing ? ' (being edited above)' : ''}
            {observation.needsFollowUp ? ' (needs follow-up)' : ''}:
          </button>{' '}
          {/* Outside the button, so the line's own Show button is not inside another. */}
          <span className="pxr-observation__line-text">
            <MaskedText
              parts={lineParts}
              label={`the observation from ${meta}`}
              textId={lineTextId}
              textClassName="pxr-observation__line-words"
            />
          </span>
        </p>
      </li>
    );
  }

  return (
    // Focusable from a search result's link, which brings the observation into view.
    <li className="pxr-observation" id={id} tabIndex={-1}>
      <p className="pxr-observation__meta">
        <button
          type="button"
          className="pxr-observation__toggle pxr-observation__toggle--open"
          aria-expanded
          aria-controls={bodyId}
          ref={foldButton}
          onClick={() => toggle(false)}
        >
          <strong className="nhsuk-tag nhsuk-tag--white">{KIND_LABELS[observation.kind]}</strong> {meta}
          <span className="nhsuk-u-visually-hidden"> (fold to one line)</span>
        </button>
      </p>
      <div id={bodyId}>
        <p className="pxr-observation__text">
          {observation.text.trim() === '' ? <em>No text</em> : observation.text}
        </p>
        {props.prompt !== undefined && <p className="pxr-observation__prompt">Prompt: {props.prompt}</p>}
        {props.editing && <p className="pxr-observation__editing">Being edited above</p>}
        {!props.tagging && <ObservationFacts observation={observation} equalityFrameworkId={equalityId} />}
        <FollowUpControls observation={observation} when={when} onSaved={props.onSaved} />

        {!locked && confirming && (
          <div className="pxr-confirm">
            <p tabIndex={-1} ref={confirmRef} className="nhsuk-body">
              <strong>Delete this observation from {when}? This cannot be undone.</strong>
            </p>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--warning nhsuk-button--small"
              onClick={props.onConfirmDelete}
            >
              Yes, delete it
            </button>{' '}
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              onClick={props.onCancelDelete}
            >
              No, keep it
            </button>
          </div>
        )}
        {!confirming && (!locked || props.taggable) && (
          <div className="pxr-observation__actions">
            {!locked && !props.editing && (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                onClick={props.onEdit}
              >
                Edit<span className="nhsuk-u-visually-hidden"> observation from {when}</span>
              </button>
            )}
            {props.taggable && props.catalogue !== null && (
              <button
                type="button"
                ref={toggleRef}
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                aria-expanded={props.tagging}
                aria-controls={`${id}-tagging`}
                onClick={() => props.onToggleTagging(!props.tagging)}
              >
                Tags and sentiment<span className="nhsuk-u-visually-hidden"> of observation from {when}</span>
              </button>
            )}
            {observation.text.trim() !== '' && (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                aria-expanded={checking}
                aria-controls={`${id}-check`}
                onClick={() => setChecking(!checking)}
              >
                Check personal details and jargon
                <span className="nhsuk-u-visually-hidden"> of observation from {when}</span>
              </button>
            )}
            {!locked && (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                onClick={props.onAskDelete}
              >
                Delete<span className="nhsuk-u-visually-hidden"> observation from {when}</span>
              </button>
            )}
          </div>
        )}
        <div id={`${id}-check`} className="pxr-tag-panel" hidden={!checking}>
          {checking && (
            <ObservationCheck
              observation={observation}
              canDecide={props.taggable}
              onSaved={props.onSaved}
              editable={!locked && !props.editing}
            />
          )}
        </div>
        <div id={`${id}-tagging`} className="pxr-tag-panel" hidden={!props.tagging}>
          {props.tagging && props.catalogue !== null && (
            <>
              <ObservationTagging
                scope={`observation-${observation.id}.`}
                observation={observation}
                text={observation.text}
                kind={observation.kind}
                sentimentSuggestion={
                  observation.sentimentSuggested === null
                    ? null
                    : { label: observation.sentimentSuggested, drivers: observation.sentimentDrivers }
                }
                catalogue={props.catalogue}
                onCustomTag={props.onCustomTag}
                onSaved={props.onSaved}
                onStatus={onStatus}
                labelContext={` to the observation from ${when}`}
              />
              <p className="pxr-save-status" role="status" aria-atomic="true">
                {metaStatusText(status)}
              </p>
              <button type="button" className="nhsuk-button nhsuk-button--small" onClick={closeTagging}>
                Done<span className="nhsuk-u-visually-hidden"> with tags and sentiment</span>
              </button>
            </>
          )}
        </div>
      </div>
    </li>
  );
}
