import { useMemo, useState } from 'react';
import { maskParts, type Part } from '../lib/personal-mask';

type Props = {
  /** The text as parts: a search snippet's matched and unmatched words, or one part. */
  parts: readonly Part[];
  /** What the text is, for the Show button's hidden words ("the observation from Ward 5"). */
  label: string;
  /** An id for the words alone (not the Show button), for a control that is named by them. */
  textId?: string;
  /** A class for the words alone: a one-line list cuts them short, never the Show button. */
  textClassName?: string;
};

/**
 * A line of listed text with any NHS number, postcode, phone number, email or date of birth hidden
 * until "Show" is pressed, so a list on a screen in a ward does not show them to passers-by.
 */
export function MaskedText({ parts, label, textId, textClassName }: Props) {
  const masked = useMemo(() => maskParts(parts), [parts]);
  const [shown, setShown] = useState(false);
  const visible =
    shown || masked.masked === 0 ? parts.map((p) => ({ kind: 'text' as const, ...p })) : masked.parts;
  return (
    <>
      <span id={textId} className={textClassName}>
        {visible.map((part, index) =>
          part.kind === 'masked' ? (
            <span key={index} className="pxr-masked">
              [{part.words} hidden]
            </span>
          ) : part.match ? (
            <mark key={index}>{part.text}</mark>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </span>
      {masked.masked > 0 && (
        <>
          {' '}
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small pxr-inline-button"
            aria-pressed={shown}
            onClick={() => setShown(!shown)}
          >
            {shown ? 'Hide' : 'Show'}
            <span className="nhsuk-u-visually-hidden"> the personal details in {label}</span>
          </button>
        </>
      )}
    </>
  );
}
