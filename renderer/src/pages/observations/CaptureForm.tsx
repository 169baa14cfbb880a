import { useCallback, useEffect, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  OBSERVATION_KINDS,
  OBSERVATION_SOURCES,
  type ObservationDto,
  type ObservationKind,
  type ObservationSource,
  type RoundDetailDto,
} from '../../../../ipc/contract';
import { Radios } from '../../components/Radios';
import type { CaptureController, CaptureSnapshot } from '../../lib/capture-controller';
import type { SaveStatus } from '../../lib/save-schedule';
import type { DraftFields } from '../../lib/draft-store';
import { formatTime } from '../../lib/format';
import { useSentimentSuggester } from '../../lib/sentiment-suggester';
import { KIND_LABELS, SOURCE_LABELS, SOURCE_PHRASES } from '../../lib/labels';
import type { Catalogue } from '../../lib/tag-options';
import { focusById } from '../../router';
import { Checkbox } from '../../components/Checkbox';
import { fieldId } from '../../lib/field-ids';
import { TEXT_FIELD_ID } from './CaptureFields';
import { ObservationTagging } from './ObservationTagging';
import { SaveStatusLine } from '../../components/SaveStatusLine';
import { CaptureAreaField, CapturePromptField, CaptureTextField } from './CaptureFields';

type Props = {
  round: RoundDetailDto;
  controller: CaptureController;
  snapshot: CaptureSnapshot;
  /** Bumped when the text box (or, for a fresh start, the kind) should take focus. */
  focusRequest: { count: number; target: CaptureFocus };
  /** `keep`: the person chose to keep kind and from whom for the next observation. */
  onFinish: (keep: boolean) => void;
  /** Null while the tag lists load (or if they could not be). */
  catalogue: Catalogue | null;
  onCustomTag: (tag: { id: string; label: string }) => void;
  /** Must be stable. */
  onSaved: (observation: ObservationDto) => void;
};

/** Where focus goes: the text box, or the kind when a new observation starts from scratch. */
export type CaptureFocus = 'text' | 'kind';

/** Moves focus to the chosen option of one of the form's radio groups (the first if none is). */
export function focusChoice(field: 'kind' | 'source'): void {
  const name = fieldId(field);
  const radios = [...document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${name}"]`)];
  const target = radios.find((radio) => radio.checked) ?? radios[0];
  if (target === undefined) return;
  target.scrollIntoView({ block: 'nearest' });
  target.focus();
}

const kindOptions = OBSERVATION_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));
const sourceOptions = OBSERVATION_SOURCES.map((source) => ({ value: source, label: SOURCE_LABELS[source] }));

export function CaptureForm(props: Props) {
  const { round, controller, snapshot, focusRequest } = props;
  const [keep, setKeep] = useState(false);
  const onFinish = () => props.onFinish(keep);
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
  const suggest = useSentimentSuggester();
  const sentimentSuggestion = useMemo(
    () => (fields.text.trim() === '' || !suggest ? null : suggest(fields.text)),
    [fields.text, suggest],
  );
  const saved = observationId === null ? undefined : round.observations.find((o) => o.id === observationId);
  const change = (patch: Partial<DraftFields>) => controller.change(patch);
  const fieldError = (name: keyof DraftFields) =>
    status.state === 'failed' && status.error.field === name ? status.error.message : undefined;

  useEffect(() => {
    if (focusRequest.count === 0) return;
    if (focusRequest.target === 'kind') focusChoice('kind');
    else focusById(TEXT_FIELD_ID);
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
        hint="Press the letter shown (S, H, Q or E); the cursor then moves on to who it was from."
        options={kindOptions}
        value={fields.kind}
        onChange={(kind) => change({ kind })}
        onLetterChoice={() => focusChoice('source')}
        showKeys
        inline
        small
        error={fieldError('kind')}
      />

      <Radios
        field="source"
        legend="Who was it from?"
        hint="Never write a name. Press the letter shown (P, C, S, V, I or N); the cursor then moves on to the text box."
        options={sourceOptions}
        value={fields.source}
        onChange={(source) => change({ source })}
        onLetterChoice={() => focusById(TEXT_FIELD_ID)}
        showKeys
        inline
        small
        error={fieldError('source')}
      />

      <CaptureTextField
        value={fields.text}
        error={textError}
        onChange={(text) => change({ text })}
        choice={choiceText(fields.kind, fields.source)}
      />

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

      <Checkbox
        id={fieldId('keepKindAndSource')}
        small
        label="Keep the kind and who it was from for the next observation"
        hint="Otherwise the next one starts again from “Heard” and “Patient”, with the cursor on the kind."
        checked={keep}
        onChange={setKeep}
      />

      <button className="nhsuk-button" type="submit">
        Save and start another
      </button>
    </form>
  );
}

/** What is being written, said beside the text box: "Quote, from a patient". */
function choiceText(kind: ObservationKind, source: ObservationSource): string {
  return `${KIND_LABELS[kind]}, from ${SOURCE_PHRASES[source]}`;
}
