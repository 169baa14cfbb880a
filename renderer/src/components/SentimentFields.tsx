import { FFT_ANSWERS, SENTIMENT_LABELS, type SentimentLabel } from '../../../ipc/contract';
import { Radios } from './Radios';
import { fieldId } from '../lib/field-ids';
import { FFT_TEXT, SENTIMENT_TEXT } from '../lib/labels';
import type { SentimentValue } from '../lib/use-item-meta';

export type SentimentSuggestionView = {
  label: SentimentLabel;
  drivers: readonly { phrase: string; polarity: 'positive' | 'negative' }[];
};

type Props = {
  scope: string;
  suggestion: SentimentSuggestionView | null;
  value: SentimentValue;
  showFft: boolean;
  onChange: (value: SentimentValue) => void;
};

const sentimentOptions = SENTIMENT_LABELS.map((label) => ({ value: label, label: SENTIMENT_TEXT[label] }));

/**
 * The suggested sentiment with the words it rests on, and the person's own answer, which is
 * what is stored as confirmed. The suggestion is never taken as the answer by itself.
 */
export function SentimentFields({ scope, suggestion, value, showFft, onChange }: Props) {
  const fftId = fieldId(`${scope}fftAnswer`);
  return (
    <div className="pxr-sentiment">
      <SuggestionText suggestion={suggestion} />
      <Radios
        field={`${scope}sentiment`}
        legend="Confirm or change the sentiment"
        hint={`${
          value.confirmed === null
            ? 'Not confirmed yet: until you choose, it stays a suggestion.'
            : 'Your choice is saved as the confirmed sentiment.'
        } Press the letter shown: P, N, E or M.`}
        options={sentimentOptions}
        value={value.confirmed}
        onChange={(confirmed) => onChange({ ...value, confirmed })}
        showKeys
        inline
        small
      />
      {showFft && (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label nhsuk-label--s" htmlFor={fftId}>
            Friends and Family Test answer (optional)
          </label>
          <div className="nhsuk-hint" id={`${fftId}-hint`}>
            If they answered “Overall, how was your experience of our service?”
          </div>
          <select
            className="nhsuk-select"
            id={fftId}
            value={value.fftAnswer ?? ''}
            aria-describedby={`${fftId}-hint`}
            onChange={(event) =>
              onChange({
                ...value,
                fftAnswer: FFT_ANSWERS.find((answer) => answer === event.target.value) ?? null,
              })
            }
          >
            <option value="">Not asked</option>
            {FFT_ANSWERS.map((answer) => (
              <option key={answer} value={answer}>
                {FFT_TEXT[answer]}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}

function SuggestionText({ suggestion }: { suggestion: SentimentSuggestionView | null }) {
  if (suggestion === null) {
    return <p className="pxr-sentiment__suggestion">No suggested sentiment until there is some text.</p>;
  }
  const positive = suggestion.drivers.filter((d) => d.polarity === 'positive');
  const negative = suggestion.drivers.filter((d) => d.polarity === 'negative');
  return (
    <div className="pxr-sentiment__suggestion">
      <p>
        Suggested sentiment: <strong>{SENTIMENT_TEXT[suggestion.label]}</strong>
      </p>
      {suggestion.drivers.length === 0 ? (
        <p className="pxr-muted">No words in the text point either way.</p>
      ) : (
        <ul className="nhsuk-list pxr-drivers">
          {positive.length > 0 && <DriverLine polarity="positive" phrases={positive.map((d) => d.phrase)} />}
          {negative.length > 0 && <DriverLine polarity="negative" phrases={negative.map((d) => d.phrase)} />}
        </ul>
      )}
    </div>
  );
}

function DriverLine({
  polarity,
  phrases,
}: {
  polarity: 'positive' | 'negative';
  phrases: readonly string[];
}) {
  return (
    <li>
      {polarity === 'positive' ? 'Words that sound positive: ' : 'Words that sound negative: '}
      {phrases.map((phrase, index) => (
        <span key={`${phrase}:${index}`}>
          {index > 0 && ', '}
          <mark className={`pxr-driver pxr-driver--${polarity}`}>{phrase}</mark>
        </span>
      ))}
    </li>
  );
}
