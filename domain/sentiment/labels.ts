// The four sentiment labels, in the order the UI and reports list them; the list itself is the
// app's vocabulary, shared with the database and the IPC contract.
import { SENTIMENT_LABELS, type SentimentLabel } from '../../ipc/vocabulary';

export { SENTIMENT_LABELS, type SentimentLabel };

export function isSentimentLabel(value: unknown): value is SentimentLabel {
  return typeof value === 'string' && (SENTIMENT_LABELS as readonly string[]).includes(value);
}
