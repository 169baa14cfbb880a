import { useState } from 'react';
import {
  dateProblem,
  partsOf,
  spreadDate,
  valueOfParts,
  type DatePart,
  type DateParts,
} from '../lib/date-parts';
import { fieldId } from '../lib/field-ids';
import { ErrorMessage } from './ErrorMessage';
import type { LabelledFieldProps } from './FieldFrame';

/**
 * The value is "YYYY-MM-DD", '' for none, or a half-typed date as date-parts.ts holds it; the day
 * box takes the field's id, so error summary links land there; the label is the legend.
 */
type Props = LabelledFieldProps & {
  /** Called when the focus leaves the three boxes (not when it moves between them). */
  onBlur?: () => void;
};

const BOXES: { part: DatePart; label: string; width: string }[] = [
  { part: 'day', label: 'Day', width: 'nhsuk-input--width-2' },
  { part: 'month', label: 'Month', width: 'nhsuk-input--width-2' },
  { part: 'year', label: 'Year', width: 'nhsuk-input--width-4' },
];

/**
 * The GOV.UK date input: day, month and year boxes in a group. A whole date typed or pasted into
 * the day box ("31/1/2027", "31012027") is spread over the three. The boxes keep what was typed
 * ("01" stays "01") while the form holds the value; a new value from outside replaces them.
 */
export function DateInput(props: Props) {
  const { field, label, hint, value, onChange, error, bold, describedBy, onBlur } = props;
  const id = fieldId(field);
  const [shown, setShown] = useState<{ value: string; parts: DateParts }>(() => ({
    value,
    parts: partsOf(value),
  }));
  const parts = shown.value === value ? shown.parts : partsOf(value);
  // Only the boxes the message is about are marked, as GOV.UK does; all three when it is not
  // about one part (a date out of range, say).
  const marked = error === undefined ? [] : (dateProblem(value, label)?.parts ?? ['day', 'month', 'year']);

  const change = (part: DatePart, text: string) => {
    const next = (part === 'day' ? spreadDate(text) : null) ?? { ...parts, [part]: text };
    const nextValue = valueOfParts(next);
    setShown({ value: nextValue, parts: next });
    onChange(nextValue);
  };

  const groupDescribedBy =
    [describedBy, hint !== undefined ? `${id}-hint` : null, error !== undefined ? `${id}-error` : null]
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <div className={`nhsuk-form-group${error !== undefined ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset
        className="nhsuk-fieldset"
        role="group"
        aria-describedby={groupDescribedBy}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) onBlur?.();
        }}
      >
        <legend className={`nhsuk-fieldset__legend${bold === true ? ' nhsuk-fieldset__legend--s' : ''}`}>
          {label}
        </legend>
        {hint !== undefined && (
          <div className="nhsuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        )}
        <ErrorMessage id={`${id}-error`} message={error} />
        <div className="nhsuk-date-input">
          {BOXES.map((box) => {
            const boxId = box.part === 'day' ? id : `${id}-${box.part}`;
            return (
              <div className="nhsuk-date-input__item" key={box.part}>
                <div className="nhsuk-form-group">
                  <label className="nhsuk-label nhsuk-date-input__label" htmlFor={boxId}>
                    {box.label}
                  </label>
                  <input
                    className={[
                      'nhsuk-input nhsuk-date-input__input',
                      box.width,
                      marked.includes(box.part) && 'nhsuk-input--error',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                    id={boxId}
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    spellCheck={false}
                    value={parts[box.part]}
                    onChange={(event) => change(box.part, event.target.value)}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
