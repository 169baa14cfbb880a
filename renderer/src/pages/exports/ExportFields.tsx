import type { ReactNode } from 'react';
import { api } from '../../api-client';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { SignerForm } from '../../lib/export-form';
import { errorFor, fieldId, type FieldError } from '../../lib/field-ids';
import { useLoad } from '../../lib/use-load';
import { TextField } from '../../components/TextField';
import { Checkbox } from '../../components/Checkbox';

type SignerProps = {
  form: SignerForm;
  onChange: (patch: Partial<SignerForm>) => void;
  errors: readonly FieldError[];
  /** A correction is signed without an attestation of its own. */
  withAttestation?: boolean;
};

/** Who signs, and what they attest: the words go into the signed file as they are typed here. */
export function SignerFields({ form, onChange, errors, withAttestation = true }: SignerProps) {
  return (
    <>
      <div className="pxr-inline-fields pxr-inline-fields--top">
        <TextField
          bold
          field="signerName"
          label="Your name"
          value={form.signerName}
          onChange={(signerName) => onChange({ signerName })}
          error={errorFor(errors, 'signerName')}
          width="nhsuk-input--width-20"
        />
        <TextField
          bold
          field="signerRole"
          label="Your role"
          hint="For example, Non-Executive Director"
          value={form.signerRole}
          onChange={(signerRole) => onChange({ signerRole })}
          error={errorFor(errors, 'signerRole')}
          width="nhsuk-input--width-20"
        />
      </div>
      {withAttestation && (
        <TextField
          bold
          field="attestation"
          label="What you confirm by signing"
          hint="This sentence goes into the signed document. Change it if it does not say what you mean."
          as="textarea"
          value={form.attestation}
          onChange={(attestation) => onChange({ attestation })}
          error={errorFor(errors, 'attestation')}
        />
      )}
    </>
  );
}

type ConfirmProps = {
  checked: boolean;
  onChange: (checked: boolean) => void;
  error: string | undefined;
  /** What the person has seen: the check above, or how the report treats personal details. */
  children: ReactNode;
};

/** The explicit "I have checked" the export needs; it is never ticked for the person. */
export function PersonalDataConfirm({ checked, onChange, error, children }: ConfirmProps) {
  const id = fieldId('personalDataConfirmed');
  return (
    <div className={`nhsuk-form-group${error !== undefined ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={error !== undefined ? `${id}-error` : undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Personal details</legend>
        <ErrorMessage id={`${id}-error`} message={error} />
        <Checkbox id={id} label={children} checked={checked} onChange={onChange} />
      </fieldset>
    </div>
  );
}

/** The form's submit button; pressing it again while an export runs does nothing. */
export function ExportButton({ busy }: { busy: boolean }) {
  return (
    <button type="submit" className="nhsuk-button" disabled={busy}>
      Export as Word document
    </button>
  );
}

type FileNameProps = {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  hint: string;
};

export function FileNameField({ value, onChange, error, hint }: FileNameProps) {
  return (
    <TextField
      bold
      field="fileName"
      label="File name (optional)"
      hint={hint}
      value={value}
      onChange={onChange}
      error={error}
      width="nhsuk-input--width-30"
    />
  );
}

/** Which organisation's name will head the document, and where to change it. */
export function OrganisationNote() {
  const [organisation] = useLoad(() => api['settings:get-organisation']({}), []);
  if (organisation.state !== 'ready') return null;
  const { name, isDefault } = organisation.value;
  return (
    <p className="nhsuk-body">
      {isDefault ? (
        <>
          The document will be headed “{name}”, a general name, because your organisation’s name has not been
          set. <a href="#/settings">Set it in Settings</a>.
        </>
      ) : (
        <>
          The document will be headed “{name}”. <a href="#/settings">Change this in Settings</a>.
        </>
      )}
    </p>
  );
}
