import { useCallback, useEffect, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  OBSERVATION_KINDS,
  OBSERVATION_SOURCES,
  OBSERVATION_TEXT_MAX,
  type ObservationDto,
  type RoundDetailDto,
} from '../../../../ipc/contract';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Radios } from '../../components/Radios';
import type { CaptureController, CaptureSnapshot } from '../../lib/capture-controller';
import type { SaveStatus } from '../../lib/save-schedule';
import type { DraftFields } from '../../lib/draft-store';
import { fieldId } from '../../lib/field-ids';
import { formatTime } from '../../lib/format';
import { useSentimentSuggester } from '../../lib/sentiment-suggester';
import { KIND_LABELS, SOURCE_LABELS } from '../../lib/labels';
import type { Catalogue } from '../../lib/tag-options';
import { focusById } from '../../router';
import { ObservationTagging } from './ObservationTagging';
import { SaveStatusLine } from './SaveStatusLine';
import { groupPrompts } from './TemplatePrompts';

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

export const TEXT_FIELD_ID = fieldId('text');

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
  const sections = round.template === null ? [] : groupPrompts(round.template);

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

      <div className={`nhsuk-form-group${fieldError('areaId') ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label nhsuk-label--s" htmlFor={fieldId('areaId')}>
          Area
        </label>
        <ErrorMessage id={`${fieldId('areaId')}-error`} message={fieldError('areaId')} />
        <select
          className="nhsuk-select"
          id={fieldId('areaId')}
          value={fields.areaId}
          onChange={(event) => change({ areaId: event.target.value })}
        >
          {round.areas.map((area) => (
            <option key={area.areaId} value={area.areaId}>
              {area.name}
            </option>
          ))}
        </select>
      </div>

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

      <div className={`nhsuk-form-group${textError ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label nhsuk-label--s" htmlFor={TEXT_FIELD_ID}>
          What did you see or hear?
        </label>
        <div className="nhsuk-hint" id={`${TEXT_FIELD_ID}-hint`}>
          For a quote, write their exact words. Press Ctrl + Enter when you have finished.
        </div>
        <ErrorMessage id={`${TEXT_FIELD_ID}-error`} message={textError} />
        <textarea
          className={`nhsuk-textarea${textError ? ' nhsuk-textarea--error' : ''}`}
          id={TEXT_FIELD_ID}
          rows={5}
          maxLength={OBSERVATION_TEXT_MAX}
          value={fields.text}
          aria-describedby={`${TEXT_FIELD_ID}-hint${textError ? ` ${TEXT_FIELD_ID}-error` : ''}`}
          onChange={(event) => change({ text: event.target.value })}
        />
      </div>

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
        <div className="nhsuk-form-group">
          <label className="nhsuk-label nhsuk-label--s" htmlFor={fieldId('promptId')}>
            Which prompt does it answer? (optional)
          </label>
          <select
            className="nhsuk-select"
            id={fieldId('promptId')}
            value={fields.promptId ?? ''}
            onChange={(event) => change({ promptId: event.target.value === '' ? null : event.target.value })}
          >
            <option value="">None</option>
            {sections.map((section) => (
              <optgroup key={section.name} label={section.name}>
                {section.prompts.map((prompt) => (
                  <option key={prompt.id} value={prompt.id}>
                    {prompt.text}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
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
