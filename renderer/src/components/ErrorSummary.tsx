import { useEffect, useRef } from 'react';
import { errorTitle, type AppErrorShape } from '../../../ipc/errors';
import { describeError } from '../lib/error-text';
import { fieldId, type FieldError } from '../lib/field-ids';
import { focusById } from '../router';

type Props =
  { errors: readonly FieldError[]; problem?: undefined } | { problem: AppErrorShape; errors?: undefined };

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

  const { title, body } =
    props.problem !== undefined
      ? describeError(props.problem)
      : { title: errorTitle('validation'), body: null };

  return (
    <div className="nhsuk-error-summary" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__title" id="error-summary-title">
          {title}
        </h2>
        <div className="nhsuk-error-summary__body">
          {body !== null && <p>{body}</p>}
          {props.errors !== undefined && (
            <ul className="nhsuk-list nhsuk-error-summary__list">
              {props.errors.map((error) => (
                <li key={`${error.field}:${error.message}`}>
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
                </li>
              ))}
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
