// The start-a-round form's own fields: when the round starts, and at which site.
import { DateInput } from '../../components/DateInput';
import { describedByFor, FieldFrame } from '../../components/FieldFrame';
import { ErrorMessage } from '../../components/ErrorMessage';
import { dateErrors } from '../../lib/date-parts';
import { errorFor, fieldId, type FieldError } from '../../lib/field-ids';
import { EARLIEST_ROUND_YEAR, LATEST_ROUND_YEAR } from '../../../../ipc/schema-parts';

export type When = { date: string; time: string };
type WhenProps = { when: When; onChange: (when: When) => void; errors: readonly FieldError[] };

export const ROUND_DATE_NAME = 'Date of the round';

/**
 * What is wrong with the date and time, as GOV.UK words it ("Date of the round must include a
 * year"), each against its own box; empty when both make a real moment the app can store.
 */
export function whenErrors(when: When): FieldError[] {
  const errors = dateErrors([
    { field: 'startsAt', value: when.date, name: ROUND_DATE_NAME, required: 'Enter the date of the round' },
  ]);
  const year = Number(when.date.slice(0, 4));
  if (errors.length === 0 && (year < EARLIEST_ROUND_YEAR || year > LATEST_ROUND_YEAR)) {
    errors.push({
      field: 'startsAt',
      message: `${ROUND_DATE_NAME} must be between the years ${EARLIEST_ROUND_YEAR} and ${LATEST_ROUND_YEAR}`,
    });
  }
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(when.time)) {
    errors.push({ field: 'startsAt.time', message: 'Enter the start time, for example 09:30' });
  }
  return errors;
}

/** The start date (day, month and year boxes) and time, set to now. */
export function StartsAtFields({ when, onChange, errors }: WhenProps) {
  const timeId = fieldId('startsAt.time');
  const timeError = errorFor(errors, 'startsAt.time');
  return (
    <>
      <DateInput
        bold
        field="startsAt"
        label={ROUND_DATE_NAME}
        hint="Set to today. Change it if you are writing up a round that has already happened. For example, 27 3 2026"
        value={when.date}
        onChange={(date) => onChange({ ...when, date })}
        error={errorFor(errors, 'startsAt')}
      />
      <FieldFrame id={timeId} label="Start time" hint="Set to now, for example 09:30" error={timeError} bold>
        <input
          className={`nhsuk-input nhsuk-input--width-10${timeError ? ' nhsuk-input--error' : ''}`}
          id={timeId}
          type="time"
          value={when.time}
          aria-describedby={describedByFor(timeId, { hint: 'shown', error: timeError })}
          onChange={(event) => onChange({ ...when, time: event.target.value })}
        />
      </FieldFrame>
    </>
  );
}

type SiteProps = {
  value: string;
  onChange: (site: string) => void;
  /** Sites of earlier rounds, offered as the person types. */
  knownSites: readonly string[];
  error: string | undefined;
};

/** The site, with the sites of earlier rounds to choose from. */
export function SiteField({ value, onChange, knownSites, error }: SiteProps) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label nhsuk-label--m" htmlFor={fieldId('site')}>
        Site
      </label>
      <div className="nhsuk-hint" id="site-hint">
        The hospital or building, for example Chelsea or Sutton
      </div>
      <ErrorMessage id="site-error" message={error} />
      <input
        className={`nhsuk-input nhsuk-input--width-20${error ? ' nhsuk-input--error' : ''}`}
        id={fieldId('site')}
        type="text"
        list="known-sites"
        autoComplete="off"
        value={value}
        aria-describedby={error ? 'site-hint site-error' : 'site-hint'}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id="known-sites">
        {knownSites.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </div>
  );
}
