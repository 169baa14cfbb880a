import { useEffect, useRef } from 'react';
import { errorTitle, type AppErrorShape } from '../../../ipc/errors';
import { describeError } from '../lib/error-text';
import { fieldId, type FieldError } from '../lib/field-ids';
import { focusById } from '../router';

type Props =
  | {
      errors: readonly FieldError[];
      problem?: undefined;
      /** Where a field shown elsewhere (another step of the page) is: a route's href, or null. */
      linkTo?: (field: string) => string | null;
    }
  | { problem: AppErrorShape; errors?: undefined; linkTo?: undefined };

/** SQLite's own words, for whoever is asked to help: behind a disclosure, after the plain ones. */
function TechnicalDetails({ detail }: { detail: string }) {
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Technical details</span>
      </summary>
      <div className="nhsuk-details__text">
        <p>
          <code>{detail}</code>
        </p>
      </div>
    </details>
  );
}

/**
 * NHS error summary. Validation errors link to their fields; other problems show their plain
 * words. It takes focus when it appears so the problem is the first thing read out.
 */
export function ErrorSummary(props: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = JSON.stringify(props.errors ?? props.problem);

  useEffect(() => {
    ref.current?.focus();
  }, [signature]);

  const { title, body, detail } =
    props.problem !== undefined
      ? describeError(props.problem)
      : { title: errorTitle('validation'), body: null, detail: null };

  return (
    <div className="nhsuk-error-summary" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__title" id="error-summary-title">
          {title}
        </h2>
        <div className="nhsuk-error-summary__body">
          {body !== null && <p>{body}</p>}
          {detail !== null && <TechnicalDetails detail={detail} />}
          {props.errors !== undefined && (
            <ul className="nhsuk-list nhsuk-error-summary__list">
              {props.errors.map((error) => {
                const elsewhere = props.linkTo?.(error.field) ?? null;
                return (
                  <li key={`${error.field}:${error.message}`}>
                    {elsewhere !== null ? (
                      <a href={elsewhere}>{error.message}</a>
                    ) : (
                      <a
                        href={`#${fieldId(error.field)}`}
                        onClick={(event) => {
                          // Hash routing: following the href would change the page.
                          event.preventDefault();
                          focusById(fieldId(error.field));
                        }}
                      >
                        {error.message}
                      </a>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}

type FormProps = { errors: readonly FieldError[]; problem: AppErrorShape | null };

/** A form's summaries: one for the fields in error, one for a problem that is not about a field. */
export function FormErrorSummary({ errors, problem }: FormProps) {
  return (
    <>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      {problem !== null && <ErrorSummary problem={problem} />}
    </>
  );
}
