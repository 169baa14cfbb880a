// Turns a refusal from the API into what a form shows: a validation error with a field links
// to that field from the error summary; anything else is shown as a problem in plain words.
import type { AppErrorShape } from '../../../../ipc/errors';
import type { FieldError } from '../../lib/field-ids';

export type FormProblem = { errors: FieldError[]; problem: AppErrorShape | null };

export const NO_PROBLEM: FormProblem = { errors: [], problem: null };

export function formProblemOf(error: AppErrorShape): FormProblem {
  if (error.kind === 'validation' && error.field !== undefined) {
    return { errors: [{ field: error.field, message: error.message }], problem: null };
  }
  return { errors: [], problem: error };
}
