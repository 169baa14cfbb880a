type Props = { id: string; message: string | undefined };

/** The red message above a field in error; "Error:" is read out but not shown. */
export function ErrorMessage({ id, message }: Props) {
  if (message === undefined) return null;
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {message}
    </span>
  );
}
