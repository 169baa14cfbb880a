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

/**
 * The field an autosave refusal is about, as the editor names it: `stories:update` sends the
 * fields inside `changes`, so the service names "changes.narrative" where the page has
 * "narrative". Null when the refusal is not about one field.
 */
export function savedFieldError(error: AppErrorShape): FieldError | null {
  if (error.kind !== 'validation' || error.field === undefined) return null;
  return { field: error.field.replace(/^changes\./, ''), message: error.message };
}
