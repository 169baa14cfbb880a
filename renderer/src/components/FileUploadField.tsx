import { ErrorMessage } from './ErrorMessage';

type Props = {
  id: string;
  label: string;
  labelClassName: string;
  accept: string;
  error: string | undefined;
  onChoose: (file: File | null) => void;
};

/** One file to choose, with its error message above it. */
export function FileUploadField({ id, label, labelClassName, accept, error, onChoose }: Props) {
  return (
    <div className={`nhsuk-form-group${error !== undefined ? ' nhsuk-form-group--error' : ''}`}>
      <label className={labelClassName} htmlFor={id}>
        {label}
      </label>
      <ErrorMessage id={`${id}-error`} message={error} />
      <input
        className={`nhsuk-file-upload__input${error !== undefined ? ' nhsuk-file-upload__input--error' : ''}`}
        id={id}
        type="file"
        accept={accept}
        aria-describedby={error !== undefined ? `${id}-error` : undefined}
        onChange={(event) => onChoose(event.target.files?.[0] ?? null)}
      />
    </div>
  );
}
