import type { ReactNode } from 'react';
import { fieldId } from '../lib/field-ids';
import { ErrorMessage } from './ErrorMessage';

type Props = {
  /** Field path; gives the select its id. */
  field: string;
  /** Words, or words with a visually hidden part where several selects share a page. */
  label: ReactNode;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** A bold label, to match the text boxes of a form whose labels are bold. */
  bold?: boolean;
  children: ReactNode;
};

/** An NHS select with its label, hint and error message. */
export function SelectField({ field, label, hint, value, onChange, error, bold, children }: Props) {
  const id = fieldId(field);
  const describedBy = [hint !== undefined ? `${id}-hint` : null, error !== undefined ? `${id}-error` : null]
    .filter((part) => part !== null)
    .join(' ');
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
      <select
        className={`nhsuk-select${error !== undefined ? ' nhsuk-select--error' : ''}`}
        id={id}
        value={value}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
    </div>
  );
}

type DateProps = {
  field: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** Ids of a shared hint or error (of the fieldset) that also describe this box. */
  describedBy?: string;
};

/** A date box (the browser's own date picker), used in pairs for a period. */
export function DateField({ field, label, value, onChange, error, describedBy }: DateProps) {
  const id = fieldId(field);
  const ids = [describedBy ?? null, error !== undefined ? `${id}-error` : null].filter((p) => p !== null);
  return (
    <div className={`nhsuk-form-group${error !== undefined ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <ErrorMessage id={`${id}-error`} message={error} />
      <input
        className={`nhsuk-input nhsuk-input--width-10${error !== undefined ? ' nhsuk-input--error' : ''}`}
        id={id}
        type="date"
        value={value}
        aria-describedby={ids.length === 0 ? undefined : ids.join(' ')}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** The site filter: every site with a round, or all of them. */
export function SiteSelect({
  value,
  onChange,
  sites,
}: {
  value: string;
  onChange: (site: string) => void;
  sites: readonly string[];
}) {
  return (
    <SelectField field="site" label="Site" value={value} onChange={onChange}>
      <option value="">All sites</option>
      {sites.map((site) => (
        <option key={site} value={site}>
          {site}
        </option>
      ))}
    </SelectField>
  );
}

type PeriodProps = {
  /** The id of the fieldset's hint, unique on the page. */
  hintId: string;
  from: string;
  to: string;
  onChange: (change: { from?: string; to?: string }) => void;
  errors: { from?: string; to?: string };
  /** Further fields on the same line, such as the site. */
  children?: ReactNode;
};

/** A period of whole days, "From" and "To", as reports and insights ask for it. */
export function PeriodFieldset({ hintId, from, to, onChange, errors, children }: PeriodProps) {
  return (
    <fieldset className="nhsuk-fieldset" aria-describedby={hintId}>
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Period</legend>
      <div className="nhsuk-hint" id={hintId}>
        Whole days, UK time, both days included. It starts as the current quarter.
      </div>
      <div className="pxr-inline-fields pxr-inline-fields--top">
        <DateField
          field="from"
          label="From"
          value={from}
          onChange={(value) => onChange({ from: value })}
          error={errors.from}
          describedBy={hintId}
        />
        <DateField
          field="to"
          label="To"
          value={to}
          onChange={(value) => onChange({ to: value })}
          error={errors.to}
          describedBy={hintId}
        />
        {children}
      </div>
    </fieldset>
  );
}
