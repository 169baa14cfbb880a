// The capture form's own fields, each with its label, hint and error as the form has always shown
// them: the area, what was seen or heard, and the prompt it answers. The area and the prompt are
// drawn again only when their own props change, not for each key typed in the text box.
import { memo } from 'react';
import { PersonalDataNote, usePersonalDetails } from '../../components/PersonalDataNote';
import type { RoundDetailDto } from '../../../../ipc/contract';
import { OBSERVATION_TEXT_MAX } from '../../../../ipc/observations-schemas';
import { ErrorMessage } from '../../components/ErrorMessage';
import { fieldId } from '../../lib/field-ids';
import { groupPrompts } from './TemplatePrompts';

export const TEXT_FIELD_ID = fieldId('text');

type AreaProps = {
  areas: RoundDetailDto['areas'];
  value: string;
  error: string | undefined;
  onChange: (areaId: string) => void;
};

/** Which of the round's areas the observation was made in. */
export const CaptureAreaField = memo(function CaptureAreaField({ areas, value, error, onChange }: AreaProps) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label nhsuk-label--s" htmlFor={fieldId('areaId')}>
        Area
      </label>
      <ErrorMessage id={`${fieldId('areaId')}-error`} message={error} />
      <select
        className="nhsuk-select"
        id={fieldId('areaId')}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {areas.map((area) => (
          <option key={area.areaId} value={area.areaId}>
            {area.name}
          </option>
        ))}
      </select>
    </div>
  );
});

type TextProps = {
  value: string;
  error: string | undefined;
  onChange: (text: string) => void;
  /** The kind and who it came from, kept in view right above the box while typing. */
  choice: string;
};

/** What was seen or heard, a few lines long; Ctrl + Enter finishes it. */
export function CaptureTextField({ value, error, onChange, choice }: TextProps) {
  const found = usePersonalDetails(value);
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label nhsuk-label--s" htmlFor={TEXT_FIELD_ID}>
        What did you see or hear?
      </label>
      <div className="nhsuk-hint" id={`${TEXT_FIELD_ID}-hint`}>
        For a quote, write their exact words. Press Ctrl + Enter when you have finished.
      </div>
      <p className="pxr-capture__choice" id={`${TEXT_FIELD_ID}-choice`}>
        <span className="nhsuk-u-visually-hidden">Recording as: </span>
        {choice}
      </p>
      <ErrorMessage id={`${TEXT_FIELD_ID}-error`} message={error} />
      <textarea
        className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
        id={TEXT_FIELD_ID}
        rows={5}
        maxLength={OBSERVATION_TEXT_MAX}
        value={value}
        aria-describedby={`${TEXT_FIELD_ID}-choice ${TEXT_FIELD_ID}-hint${error ? ` ${TEXT_FIELD_ID}-error` : ''}${found.length > 0 ? ` ${TEXT_FIELD_ID}-personal` : ''}`}
        onChange={(event) => onChange(event.target.value)}
      />
      <PersonalDataNote id={`${TEXT_FIELD_ID}-personal`} findings={found} />
    </div>
  );
}

type PromptProps = {
  template: NonNullable<RoundDetailDto['template']>;
  value: string | null;
  onChange: (promptId: string | null) => void;
};

/** The question-set prompt the observation answers, if any, grouped by section. */
export const CapturePromptField = memo(function CapturePromptField({
  template,
  value,
  onChange,
}: PromptProps) {
  const sections = groupPrompts(template);
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label nhsuk-label--s" htmlFor={fieldId('promptId')}>
        Which prompt does it answer? (optional)
      </label>
      <select
        className="nhsuk-select"
        id={fieldId('promptId')}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
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
  );
});
