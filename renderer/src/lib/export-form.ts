// The checks an export or sign-off form makes before asking the app, so the person hears about a
// missing name or an unticked confirmation at once, next to the field. The app checks again.
import type { FieldError } from './field-ids';

export type SignerForm = { signerName: string; signerRole: string; attestation: string };

export function signerErrors(form: SignerForm, { withAttestation = true } = {}): FieldError[] {
  const errors: FieldError[] = [];
  if (form.signerName.trim() === '') errors.push({ field: 'signerName', message: 'Enter your name' });
  if (form.signerRole.trim() === '') errors.push({ field: 'signerRole', message: 'Enter your role' });
  if (withAttestation && form.attestation.trim() === '') {
    errors.push({ field: 'attestation', message: 'Enter what you are confirming by signing' });
  }
  return errors;
}

export function confirmErrors(confirmed: boolean): FieldError[] {
  return confirmed
    ? []
    : [
        {
          field: 'personalDataConfirmed',
          message: 'Confirm you have checked the personal details before exporting',
        },
      ];
}

/**
 * The file name as the app wants it: null to let the app choose, and ".docx" added when the
 * person left it off.
 */
export function fileNameOrNull(raw: string): string | null {
  const name = raw.trim();
  if (name === '') return null;
  return /\.docx$/i.test(name) ? name : `${name}.docx`;
}

// The same characters the app refuses in a file name; control characters are what the rule is for.
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME = /[/\\:*?"<>|\u0000-\u001f]/u;

export function fileNameErrors(raw: string): FieldError[] {
  const name = fileNameOrNull(raw);
  if (name === null) return [];
  if (UNSAFE_NAME.test(name)) {
    return [{ field: 'fileName', message: 'A file name cannot contain / \\ : * ? " < > |' }];
  }
  if (name.length > 155)
    return [{ field: 'fileName', message: 'The file name must be 150 characters or fewer' }];
  return [];
}
