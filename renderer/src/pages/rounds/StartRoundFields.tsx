// The start-a-round form's own fields: when the round starts, and at which site.
import { ErrorMessage } from '../../components/ErrorMessage';
import { fieldId } from '../../lib/field-ids';

type When = { date: string; time: string };
type WhenProps = { when: When; onChange: (when: When) => void; error: string | undefined };

/** The start date and time, set to now; one error for the pair. */
export function StartsAtFieldset({ when, onChange, error }: WhenProps) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby="when-hint">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">When does it start?</legend>
        <div className="nhsuk-hint" id="when-hint">
          Set to now. Change it if you are writing up a round that has already happened.
        </div>
        <ErrorMessage id="when-error" message={error} />
        <div className="pxr-inline-fields pxr-inline-fields--top">
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={fieldId('startsAt')}>
              Date
            </label>
            <input
              className={`nhsuk-input nhsuk-input--width-10${error ? ' nhsuk-input--error' : ''}`}
              id={fieldId('startsAt')}
              type="date"
              value={when.date}
              aria-describedby={error ? 'when-error' : undefined}
              onChange={(event) => onChange({ ...when, date: event.target.value })}
            />
          </div>
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={fieldId('startsAt.time')}>
              Time
            </label>
            <input
              className={`nhsuk-input nhsuk-input--width-10${error ? ' nhsuk-input--error' : ''}`}
              id={fieldId('startsAt.time')}
              type="time"
              value={when.time}
              aria-describedby={error ? 'when-error' : undefined}
              onChange={(event) => onChange({ ...when, time: event.target.value })}
            />
          </div>
        </div>
      </fieldset>
    </div>
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
