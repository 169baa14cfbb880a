import type { FormEvent } from 'react';
import { SENTIMENT_LABELS, type RoundSummaryDto } from '../../../../ipc/contract';
import { SelectField, SiteSelect } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { ErrorMessage } from '../../components/ErrorMessage';
import { errorFor, fieldId, type FieldError } from '../../lib/field-ids';
import { formatDate, formatTime } from '../../lib/format';
import { EQUALITY_CATEGORY_TEXT, SENTIMENT_TEXT } from '../../lib/labels';
import { SEARCH_TEXT_MAX, type SearchForm as Form } from '../../lib/search-params';
import type { Catalogue } from '../../lib/tag-options';

export type SearchChoices = {
  sites: readonly string[];
  rounds: readonly RoundSummaryDto[];
  areas: readonly { areaId: string; name: string }[];
  catalogue: Catalogue | null;
};

type Props = {
  form: Form;
  onChange: (patch: Partial<Form>) => void;
  choices: SearchChoices;
  errors: readonly FieldError[];
  onSubmit: () => void;
  onClear: () => void;
};

/** The search box and its filters, as one NHS form. Nothing is searched until "Search". */
export function SearchForm({ form, onChange, choices, errors, onSubmit, onClear }: Props) {
  const textError = errorFor(errors, 'text');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const frameworks = choices.catalogue?.frameworks ?? [];
  const themeFrameworks = frameworks.filter((f) => f.kind !== 'equality' && f.items.length > 0);
  const groups = frameworks.find((f) => f.kind === 'equality');
  const categories = [...new Set(groups?.items.map((item) => item.category ?? 'other') ?? [])];

  return (
    <form className="pxr-search-form" onSubmit={submit} noValidate aria-label="Search observations">
      <div className={`nhsuk-form-group${textError !== undefined ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label nhsuk-label--s" htmlFor={fieldId('text')}>
          Words to look for
        </label>
        <div className="nhsuk-hint" id={`${fieldId('text')}-hint`}>
          For example interpreter, or parking. Leave empty to see everything that matches the filters, newest
          first.
        </div>
        <ErrorMessage id={`${fieldId('text')}-error`} message={textError} />
        <div className="pxr-inline-fields">
          <input
            className={`nhsuk-input nhsuk-input--width-20${textError !== undefined ? ' nhsuk-input--error' : ''}`}
            id={fieldId('text')}
            type="search"
            maxLength={SEARCH_TEXT_MAX + 50}
            autoComplete="off"
            value={form.text}
            aria-describedby={`${fieldId('text')}-hint${textError !== undefined ? ` ${fieldId('text')}-error` : ''}`}
            onChange={(event) => onChange({ text: event.target.value })}
          />
          <button className="nhsuk-button" type="submit">
            Search
          </button>
        </div>
      </div>

      <fieldset className="nhsuk-fieldset pxr-filters">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Filters</legend>
        <div className="pxr-filters__dates">
          <TextField
            as="date"
            width="nhsuk-input--width-10"
            field="from"
            label="From"
            value={form.from}
            onChange={(from) => onChange({ from })}
            error={errorFor(errors, 'from')}
          />
          <TextField
            as="date"
            width="nhsuk-input--width-10"
            field="to"
            label="To (included)"
            value={form.to}
            onChange={(to) => onChange({ to })}
            error={errorFor(errors, 'to')}
          />
        </div>
        <div className="pxr-filters__grid">
          <SiteSelect
            value={form.site}
            onChange={(site) => onChange({ site, areaId: '' })}
            sites={choices.sites}
          />
          <SelectField
            field="areaId"
            label="Area"
            value={form.areaId}
            onChange={(areaId) => onChange({ areaId })}
          >
            <option value="">All areas</option>
            {choices.areas.map((area) => (
              <option key={area.areaId} value={area.areaId}>
                {area.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            field="roundId"
            label="Round"
            value={form.roundId}
            onChange={(roundId) => onChange({ roundId })}
          >
            <option value="">All rounds</option>
            {choices.rounds.map((round) => (
              <option key={round.id} value={round.id}>
                {round.site}, {formatDate(round.startsAt)} at {formatTime(round.startsAt)}
              </option>
            ))}
          </SelectField>
          <SelectField
            field="theme"
            label="Theme"
            value={form.theme}
            onChange={(theme) => onChange({ theme })}
            error={errorFor(errors, 'theme')}
          >
            <option value="">Any theme</option>
            {themeFrameworks.map((framework) => (
              <optgroup key={framework.id} label={framework.name}>
                {framework.items.map((item) => (
                  <option key={item.id} value={`${framework.id}/${item.id}`}>
                    {item.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <SelectField
            field="group"
            label="Equality group"
            value={form.group}
            onChange={(group) => onChange({ group })}
            error={errorFor(errors, 'group')}
          >
            <option value="">Any group</option>
            {groups !== undefined &&
              categories.map((category) => (
                <optgroup key={category} label={EQUALITY_CATEGORY_TEXT[category] ?? category}>
                  {groups.items
                    .filter((item) => (item.category ?? 'other') === category)
                    .map((item) => (
                      <option key={item.id} value={`${groups.id}/${item.id}`}>
                        {item.label}
                      </option>
                    ))}
                </optgroup>
              ))}
          </SelectField>
          <SelectField
            field="sentiment"
            label="Sentiment (confirmed, or else suggested)"
            value={form.sentiment}
            onChange={(value) =>
              onChange({ sentiment: SENTIMENT_LABELS.find((label) => label === value) ?? '' })
            }
          >
            <option value="">Any sentiment</option>
            {SENTIMENT_LABELS.map((label) => (
              <option key={label} value={label}>
                {SENTIMENT_TEXT[label]}
              </option>
            ))}
          </SelectField>
        </div>
      </fieldset>
      <div className="pxr-search-form__actions">
        <button className="nhsuk-button" type="submit">
          Apply filters
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onClear}>
          Clear search and filters
        </button>
      </div>
    </form>
  );
}
