import type { AppErrorShape } from '../../../../ipc/errors';
import type { FieldError } from '../../lib/field-ids';

/**
 * The field an autosave refusal is about, as the editor names it: `stories:update` sends the
 * fields inside `changes`, so the service names "changes.narrative" where the page has
 * "narrative". Null when the refusal is not about one field.
 */
export function savedFieldError(error: AppErrorShape): FieldError | null {
  if (error.kind !== 'validation' || error.field === undefined) return null;
  return { field: error.field.replace(/^changes\./, ''), message: error.message };
}
