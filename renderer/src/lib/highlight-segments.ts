// Splits a text into plain runs and marked runs for the read-only preview beside the narrative:
// a textarea cannot highlight, so findings are shown in a copy of the saved text. DOM-free.

export type Span = { start: number; end: number; text: string; label: string; tone: 'undecided' | 'kept' };

export type Segment = { text: string; mark: null | { label: string; tone: Span['tone'] } };

/**
 * Overlapping or out-of-range spans (from a report on an older text) are skipped rather than
 * shown in the wrong place; the next check after the save brings them back in step.
 */
export function highlightSegments(text: string, spans: readonly Span[]): Segment[] {
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment[] = [];
  let at = 0;
  for (const span of ordered) {
    if (span.start < at || span.end <= span.start || text.slice(span.start, span.end) !== span.text) continue;
    if (span.start > at) segments.push({ text: text.slice(at, span.start), mark: null });
    segments.push({ text: text.slice(span.start, span.end), mark: { label: span.label, tone: span.tone } });
    at = span.end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), mark: null });
  return segments;
}
