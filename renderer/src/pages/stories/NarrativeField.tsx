import { PersonalDataNote, usePersonalDetails } from '../../components/PersonalDataNote';
import { useRef, useState } from 'react';
import { fieldId } from '../../lib/field-ids';
import { ErrorMessage } from '../../components/ErrorMessage';
import { quoteMatchesText, type QuoteDraft } from './story-draft';

type Props = {
  narrative: string;
  quotes: readonly QuoteDraft[];
  readOnly: boolean;
  error?: string;
  onChange: (patch: { narrative?: string; quotes?: QuoteDraft[] }) => void;
};

/** The selected words without the spaces or line breaks around them, or null if none. */
function selectedQuote(textarea: HTMLTextAreaElement): QuoteDraft | null {
  const { selectionStart, selectionEnd, value } = textarea;
  let start = selectionStart;
  let end = selectionEnd;
  while (start < end && /\s/.test(value[start] ?? '')) start += 1;
  while (end > start && /\s/.test(value[end - 1] ?? '')) end -= 1;
  return end > start ? { start, end, text: value.slice(start, end) } : null;
}

export function NarrativeField({ narrative, quotes, readOnly, error, onChange }: Props) {
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [quoteHint, setQuoteHint] = useState<string | null>(null);
  const id = fieldId('narrative');

  const markQuote = () => {
    const textarea = textareaRef.current;
    const quote = textarea === null ? null : selectedQuote(textarea);
    if (quote === null) {
      setQuoteHint('Select the words of the quote in the story first, then choose “Mark as quote”.');
      return;
    }
    setQuoteHint(null);
    if (quotes.some((q) => q.start === quote.start && q.end === quote.end)) return;
    onChange({ quotes: [...quotes, quote].sort((a, b) => a.start - b.start || a.end - b.end) });
  };

  const found = usePersonalDetails(readOnly ? '' : narrative);
  return (
    <>
      <div className={`nhsuk-form-group${error !== undefined ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
          The story
        </label>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          In the storyteller’s words where you can. Saved as you type. To mark a key quote, select its words
          here and choose “Mark as quote”.
        </div>
        <ErrorMessage id={`${id}-error`} message={error} />
        <textarea
          ref={textareaRef}
          className={`nhsuk-textarea pxr-story-narrative${error !== undefined ? ' nhsuk-textarea--error' : ''}`}
          id={id}
          rows={16}
          value={narrative}
          readOnly={readOnly}
          spellCheck
          aria-describedby={`${id}-hint${error !== undefined ? ` ${id}-error` : ''}${found.length > 0 ? ` ${id}-personal` : ''}`}
          onChange={(event) => onChange({ narrative: event.target.value })}
        />
        <PersonalDataNote id={`${id}-personal`} findings={found} />
      </div>
      {!readOnly && (
        <div className="nhsuk-form-group">
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={markQuote}>
            Mark as quote
          </button>
          {quoteHint !== null && (
            <p className="nhsuk-body-s" role="status">
              {quoteHint}
            </p>
          )}
        </div>
      )}
      <h3 className="nhsuk-heading-s">Key quotes ({quotes.length})</h3>
      {quotes.length === 0 ? (
        <p className="nhsuk-body-s">No key quotes yet.</p>
      ) : (
        <ul className="nhsuk-list pxr-story-quotes">
          {quotes.map((quote) => {
            const matches = quoteMatchesText(narrative, quote);
            return (
              <li key={`${quote.start}:${quote.end}:${quote.text}`} className="pxr-story-quote">
                <blockquote className="pxr-story-quote__text">“{quote.text}”</blockquote>
                {!matches && (
                  <p className="nhsuk-error-message pxr-story-quote__lost">
                    <span className="nhsuk-u-visually-hidden">Warning: </span>
                    These words are no longer in the story. Select them again, or remove this quote.
                  </p>
                )}
                {!readOnly && (
                  <button
                    type="button"
                    className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                    onClick={() => onChange({ quotes: quotes.filter((q) => q !== quote) })}
                  >
                    Remove<span className="nhsuk-u-visually-hidden"> the quote “{quote.text}”</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
