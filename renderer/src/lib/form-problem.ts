// Turns a refusal from the API into what a form shows: a validation error about one of the
// form's fields links to that field from the error summary; anything else (a locked record, a
// refusal about something the form has no field for) is shown as a problem in plain words.
import type { AppErrorShape } from '../../../ipc/errors';
import type { FieldError } from './field-ids';

export type FormProblem = { errors: FieldError[]; problem: AppErrorShape | null };

export const NO_PROBLEM: FormProblem = { errors: [], problem: null };

/** `fields`: the form's own fields; without it, any field the refusal names is the form's. */
export function formProblem(error: AppErrorShape, fields?: readonly string[]): FormProblem {
  if (error.kind === 'validation' && error.field !== undefined && (fields?.includes(error.field) ?? true)) {
    return { errors: [{ field: error.field, message: error.message }], problem: null };
  }
  return { errors: [], problem: error };
}
