import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';

/** What a labelled field of a form takes, whatever its control (a text box, the date boxes). */
export type LabelledFieldProps = {
  /** Field path as the API names it; gives the control its id for error summary links. */
  field: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** A bold label, for forms whose labels are bold. */
  bold?: boolean;
  /** Ids of a shared hint (of an enclosing fieldset) that also describes this field. */
  describedBy?: string;
};

type Props = {
  /** The control's id: the label points at it, and the hint and error ids are made from it. */
  id: string;
  label: ReactNode;
  hint?: string;
  error?: string;
  /** A bold label, for forms whose labels are bold. */
  bold?: boolean;
  children: ReactNode;
};

/** An NHS form group: the label, hint and error message around one control. */
export function FieldFrame({ id, label, hint, error, bold, children }: Props) {
  return (
    <div className={`nhsuk-form-group${error !== undefined ? ' nhsuk-form-group--error' : ''}`}>
      <label className={bold === true ? 'nhsuk-label nhsuk-label--s' : 'nhsuk-label'} htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <ErrorMessage id={`${id}-error`} message={error} />
      {children}
    </div>
  );
}

/**
 * The ids that describe a control: a shared hint of its fieldset first, then its own hint and
 * error; undefined when there are none, so no empty attribute is written.
 */
export function describedByFor(
  id: string,
  parts: { hint?: string; error?: string; describedBy?: string },
): string | undefined {
  const ids = [
    parts.describedBy ?? null,
    parts.hint !== undefined ? `${id}-hint` : null,
    parts.error !== undefined ? `${id}-error` : null,
  ].filter((part) => part !== null);
  return ids.length === 0 ? undefined : ids.join(' ');
}
