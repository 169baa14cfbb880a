import type { AppErrorShape } from '../../../ipc/errors';
import { describeError } from '../lib/error-text';

/** A problem with one part of a page, said where it happened rather than at the top. */
export function ProblemAlert({ problem }: { problem: AppErrorShape }) {
  const { title, body } = describeError(problem);
  return (
    <div className="nhsuk-error-summary" role="alert">
      <h3 className="nhsuk-error-summary__title">{title}</h3>
      <div className="nhsuk-error-summary__body">
        <p>{body}</p>
      </div>
    </div>
  );
}
