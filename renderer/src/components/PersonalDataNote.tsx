import { useEffect, useRef, useState } from 'react';
import { describeDetails, detailsAsTyped, type TypedFinding } from '../lib/personal-mask';

/** Long enough that a pause in typing, not every key, runs the check; well within a second. */
const CHECK_AFTER_MS = 300;

/** The personal details in text being typed, checked once typing pauses. */
export function usePersonalDetails(text: string): TypedFinding[] {
  const [found, setFound] = useState<TypedFinding[]>([]);
  // The text last checked: in a long story only what changed since is scanned again.
  const checked = useRef('');
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setFound(detailsAsTyped(checked.current, text));
      checked.current = text;
    }, CHECK_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  return found;
}

/**
 * The note under a text field while it holds what looks like an NHS number, postcode, phone number,
 * email or date of birth. It is advice, read out politely: the review still asks about each one
 * before anything leaves the app. `id` is what the field's aria-describedby names.
 */
export function PersonalDataNote({ id, findings }: { id: string; findings: readonly TypedFinding[] }) {
  return (
    <div id={id} className="pxr-personal-note" aria-live="polite">
      {findings.length > 0 && (
        <p className="nhsuk-body-s pxr-personal-note__text">
          <strong>This looks like personal information:</strong> {describeDetails(findings)} (
          {findings.map((f) => `“${f.text}”`).join(', ')}). Leave it out unless it must stay; it will be
          checked again before anything leaves the app.
        </p>
      )}
    </div>
  );
}
