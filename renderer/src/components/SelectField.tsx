import type { ReactNode } from 'react';
import { fieldId } from '../lib/field-ids';
import { describedByFor, FieldFrame } from './FieldFrame';
import { DateInput } from './DateInput';

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
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} bold={bold}>
      <select
        className={`nhsuk-select${error !== undefined ? ' nhsuk-select--error' : ''}`}
        id={id}
        value={value}
        aria-describedby={describedByFor(id, { hint, error })}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
    </FieldFrame>
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
        <DateInput
          field="from"
          label="From"
          value={from}
          onChange={(value) => onChange({ from: value })}
          error={errors.from}
          describedBy={hintId}
        />
        <DateInput
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
