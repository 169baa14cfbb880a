import {
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import {
  OBSERVATION_KINDS,
  OBSERVATION_SOURCES,
  type ObservationDto,
  type ObservationKind,
  type ObservationSource,
  type RoundDetailDto,
} from '../../../../ipc/contract';
import { Radios } from '../../components/Radios';
import type { CaptureController } from '../../lib/capture-controller';
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
import { useCaptureSnapshot } from './use-capture';

type Props = {
  round: RoundDetailDto;
  /** The form follows its drafts itself, so a key typed draws the form again, not the page. */
  controller: CaptureController;
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
  const { round, controller, focusRequest } = props;
  const snapshot = useCaptureSnapshot(controller);
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
  const saved = useMemo(
    () => (observationId === null ? undefined : round.observations.find((o) => o.id === observationId)),
    [round.observations, observationId],
  );
  // Suggestions follow the words a moment behind: a key typed draws the text box at once, and
  // the tags and sentiment the words suggest are worked out after, in a render React can set
  // aside when the next key comes.
  const suggestFrom = useDeferredValue(fields.text);
  const suggest = useSentimentSuggester();
  const sentimentSuggestion = useMemo(
    () => (saved === undefined || suggestFrom.trim() === '' || !suggest ? null : suggest(suggestFrom)),
    [saved, suggestFrom, suggest],
  );
  // Stable, so the fields that did not change are not drawn again on each key.
  const change = useCallback((patch: Partial<DraftFields>) => controller.change(patch), [controller]);
  const onArea = useCallback((areaId: string) => change({ areaId }), [change]);
  const onKind = useCallback((kind: ObservationKind) => change({ kind }), [change]);
  const onSource = useCallback((source: ObservationSource) => change({ source }), [change]);
  const onText = useCallback((text: string) => change({ text }), [change]);
  const onPrompt = useCallback((promptId: string | null) => change({ promptId }), [change]);
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
  const editedObservation = editing ? saved : undefined;
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
        onChange={onArea}
      />

      <CaptureChoices
        kind={fields.kind}
        source={fields.source}
        kindError={fieldError('kind')}
        sourceError={fieldError('source')}
        onKind={onKind}
        onSource={onSource}
      />

      <CaptureTextField
        value={fields.text}
        error={textError}
        onChange={onText}
        choice={choiceText(fields.kind, fields.source)}
      />

      {saved !== undefined && props.catalogue !== null ? (
        <ObservationTagging
          key={saved.id}
          scope=""
          observation={saved}
          text={suggestFrom}
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
        <CapturePromptField template={round.template} value={fields.promptId} onChange={onPrompt} />
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

type ChoicesProps = {
  kind: ObservationKind;
  source: ObservationSource;
  kindError: string | undefined;
  sourceError: string | undefined;
  onKind: (kind: ObservationKind) => void;
  onSource: (source: ObservationSource) => void;
};

const toSource = () => focusChoice('source');
const toText = () => focusById(TEXT_FIELD_ID);

/** What kind of observation, and who it was from: drawn again when they change, not on each key. */
const CaptureChoices = memo(function CaptureChoices(props: ChoicesProps) {
  return (
    <>
      <Radios
        field="kind"
        legend="What kind of observation?"
        hint="Press the letter shown (S, H, Q or E); the cursor then moves on to who it was from."
        options={kindOptions}
        value={props.kind}
        onChange={props.onKind}
        onLetterChoice={toSource}
        showKeys
        inline
        small
        error={props.kindError}
      />

      <Radios
        field="source"
        legend="Who was it from?"
        hint="Never write a name. Press the letter shown (P, C, S, V, I or N); the cursor then moves on to the text box."
        options={sourceOptions}
        value={props.source}
        onChange={props.onSource}
        onLetterChoice={toText}
        showKeys
        inline
        small
        error={props.sourceError}
      />
    </>
  );
});

/** What is being written, said beside the text box: "Quote, from a patient". */
function choiceText(kind: ObservationKind, source: ObservationSource): string {
  return `${KIND_LABELS[kind]}, from ${SOURCE_PHRASES[source]}`;
}
