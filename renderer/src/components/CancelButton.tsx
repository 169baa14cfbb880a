/** The secondary "Cancel" that steps back out of a confirmation. */
export function CancelButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onClick}>
      Cancel
    </button>
  );
}
