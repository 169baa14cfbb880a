import type { ReactNode } from 'react';

type Props = {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Shown under the label, and read out with the box. */
  hint?: ReactNode;
  /** Ids of other text that describes the box, such as an error above it. */
  describedBy?: string;
  small?: boolean;
};

/** One NHS checkbox on its own, with its label and an optional hint. */
export function Checkbox({ id, label, checked, onChange, hint, describedBy, small }: Props) {
  const ids = [describedBy ?? null, hint !== undefined ? `${id}-hint` : null].filter((part) => part !== null);
  return (
    <div className={`nhsuk-checkboxes${small === true ? ' nhsuk-checkboxes--small' : ''}`}>
      <div className="nhsuk-checkboxes__item">
        <input
          className="nhsuk-checkboxes__input"
          id={id}
          type="checkbox"
          checked={checked}
          aria-describedby={ids.length === 0 ? undefined : ids.join(' ')}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
          {label}
        </label>
        {hint !== undefined && (
          <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-hint`}>
            {hint}
          </div>
        )}
      </div>
    </div>
  );
}
