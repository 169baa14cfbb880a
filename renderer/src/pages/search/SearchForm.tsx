import type { FormEvent } from 'react';
import { SearchFilters, type SearchChoices } from './SearchFilters';
import { ErrorMessage } from '../../components/ErrorMessage';
import { errorFor, fieldId, type FieldError } from '../../lib/field-ids';
import { SEARCH_TEXT_MAX, type SearchForm as Form } from '../../lib/search-params';

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

      <SearchFilters form={form} onChange={onChange} choices={choices} errors={errors} />
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
