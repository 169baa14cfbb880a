import { useCallback, useEffect, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  OBSERVATION_KINDS,
  OBSERVATION_SOURCES,
  type ObservationDto,
  type RoundDetailDto,
} from '../../../../ipc/contract';
import { suggestSentiment } from '../../../../domain/sentiment/suggest-sentiment';
import { Radios } from '../../components/Radios';
import type { CaptureController, CaptureSnapshot } from '../../lib/capture-controller';
import type { SaveStatus } from '../../lib/save-schedule';
import type { DraftFields } from '../../lib/draft-store';
import { formatTime } from '../../lib/format';
import { KIND_LABELS, SOURCE_LABELS } from '../../lib/labels';
import type { Catalogue } from '../../lib/tag-options';
import { focusById } from '../../router';
import { TEXT_FIELD_ID } from './CaptureFields';
import { ObservationTagging } from './ObservationTagging';
import { SaveStatusLine } from '../../components/SaveStatusLine';
import { CaptureAreaField, CapturePromptField, CaptureTextField } from './CaptureFields';

type Props = {
  round: RoundDetailDto;
  controller: CaptureController;
  snapshot: CaptureSnapshot;
  /** Bumped when the text box should take focus (after adding an area, Edit, or finishing one). */
  focusRequest: number;
  onFinish: () => void;
  /** Null while the tag lists load (or if they could not be). */
  catalogue: Catalogue | null;
  onCustomTag: (tag: { id: string; label: string }) => void;
  /** Must be stable. */
  onSaved: (observation: ObservationDto) => void;
};

const kindOptions = OBSERVATION_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));
const sourceOptions = OBSERVATION_SOURCES.map((source) => ({ value: source, label: SOURCE_LABELS[source] }));

export function CaptureForm(props: Props) {
  const { round, controller, snapshot, focusRequest, onFinish } = props;
  const { draft, status } = snapshot;
  const { fields } = draft;
  // Whose tags the status belongs to, so the next observation does not inherit "Saved at".
  const [meta, setMeta] = useState<{ observationId: string; status: SaveStatus } | null>(null);
  const observationId = draft.observationId;
  const onMetaStatus = useCallback(
    (next: SaveStatus) => {
      if (observationId !== null) setMeta({ observationId, status: next });
    },
    [observationId],
  );
  const sentimentSuggestion = useMemo(
    () => (fields.text.trim() === '' ? null : suggestSentiment(fields.text)),
    [fields.text],
  );
  const saved = observationId === null ? undefined : round.observations.find((o) => o.id === observationId);
  const change = (patch: Partial<DraftFields>) => controller.change(patch);
  const fieldError = (name: keyof DraftFields) =>
    status.state === 'failed' && status.error.field === name ? status.error.message : undefined;

  useEffect(() => {
    if (focusRequest > 0) focusById(TEXT_FIELD_ID);
  }, [focusRequest]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onFinish();
  };

  // Ctrl+Enter (Cmd+Enter on a Mac) anywhere in the form finishes this observation. Plain Enter
  // in the text box stays a new line.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onFinish();
    }
  };

  const editing = draft.purpose === 'edit';
  const editedObservation = editing
    ? round.observations.find((o) => o.id === draft.observationId)
    : undefined;
  const textError = fieldError('text');

  return (
    <form
      className="pxr-capture"
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      aria-labelledby="capture-heading"
      noValidate
    >
      <h2 className="nhsuk-heading-m" id="capture-heading">
        {editing
          ? `Edit observation${editedObservation ? ` from ${formatTime(editedObservation.capturedAt)}` : ''}`
          : 'Capture an observation'}
      </h2>

      <CaptureAreaField
        areas={round.areas}
        value={fields.areaId}
        error={fieldError('areaId')}
        onChange={(areaId) => change({ areaId })}
      />

      <Radios
        field="kind"
        legend="What kind of observation?"
        hint="Use the arrow keys, or press S, H, Q or E."
        options={kindOptions}
        value={fields.kind}
        onChange={(kind) => change({ kind })}
        inline
        small
        error={fieldError('kind')}
      />

      <Radios
        field="source"
        legend="Who was it from?"
        hint="Never write a name. Use the arrow keys, or press the first letter."
        options={sourceOptions}
        value={fields.source}
        onChange={(source) => change({ source })}
        inline
        small
        error={fieldError('source')}
      />

      <CaptureTextField value={fields.text} error={textError} onChange={(text) => change({ text })} />

      {saved !== undefined && props.catalogue !== null ? (
        <ObservationTagging
          key={saved.id}
          scope=""
          observation={saved}
          text={fields.text}
          kind={fields.kind}
          sentimentSuggestion={sentimentSuggestion}
          catalogue={props.catalogue}
          onCustomTag={props.onCustomTag}
          onSaved={props.onSaved}
          onStatus={onMetaStatus}
        />
      ) : (
        <p className="pxr-muted pxr-tagging__waiting">
          Tags and sentiment can be added here as soon as the observation is saved, which happens as you type.
        </p>
      )}

      {round.template !== null && (
        <CapturePromptField
          template={round.template}
          value={fields.promptId}
          onChange={(promptId) => change({ promptId })}
        />
      )}

      <SaveStatusLine
        snapshot={snapshot}
        meta={meta !== null && meta.observationId === observationId ? meta.status : undefined}
      />

      <button className="nhsuk-button" type="submit">
        Save and start another
      </button>
    </form>
  );
}
