// Tag suggestions from what was written: "interpreter" suggests limited English and race,
// "hearing loop" disability and sensory loss, "parking" the Access theme. Suggestions are only
// ever offered as chips; nothing here changes stored tags.
//
// Whole words only and case-insensitive, so "trans" never fires inside "transport" and
// "BSL" matches "bsl". The last word of a phrase may be plural ("carers", "disabilities").
// Pure: no node: imports, so the renderer can suggest as the person types.
import { wordSpans, type WordSpan } from '../sentiment/word-spans';
import { TAG_KEYWORD_RULES, type TagKeywordRule, type TagRef } from './tag-keywords';

export type TagSuggestion = TagRef & {
  /** The words that suggested the tag, as typed, with offsets for highlighting. */
  reason: { phrase: string; start: number; end: number };
};

type CompiledPhrase = { words: readonly string[]; tags: readonly TagRef[] };

function wordForms(word: string): string[] {
  const forms = [word];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  return forms;
}

function sameWord(textWord: string, phraseWord: string, isLast: boolean): boolean {
  return isLast ? wordForms(textWord).includes(phraseWord) : textWord === phraseWord;
}

// "the carer's room" and "carers' support group" should match "carer".
function withoutPossessive(span: WordSpan): WordSpan {
  return span.word.endsWith("'s") ? { ...span, word: span.word.slice(0, -2) } : span;
}

export function createTagSuggester(rules: readonly TagKeywordRule[]): (text: string) => TagSuggestion[] {
  const byFirstWord = new Map<string, CompiledPhrase[]>();
  for (const rule of rules) {
    for (const phrase of rule.phrases) {
      const words = wordSpans(phrase).map((span) => span.word);
      const first = words[0];
      if (first === undefined) continue;
      const list = byFirstWord.get(first) ?? [];
      list.push({ words, tags: rule.tags });
      byFirstWord.set(first, list);
    }
  }

  return (text) => {
    const spans = wordSpans(text).map(withoutPossessive);
    const best = new Map<string, TagSuggestion>();
    spans.forEach((span, at) => {
      const candidates = new Set(wordForms(span.word).flatMap((form) => byFirstWord.get(form) ?? []));
      for (const phrase of candidates) {
        const matched = phrase.words.every((word, offset) => {
          const textWord = spans[at + offset]?.word;
          return textWord !== undefined && sameWord(textWord, word, offset === phrase.words.length - 1);
        });
        if (!matched) continue;
        const start = span.start;
        const end = (spans[at + phrase.words.length - 1] as WordSpan).end;
        for (const tag of phrase.tags) {
          const key = `${tag.frameworkId}/${tag.tagId}`;
          const current = best.get(key);
          // The first mention explains the suggestion best; at the same place, the longer phrase.
          if (
            !current ||
            start < current.reason.start ||
            (start === current.reason.start && end > current.reason.end)
          ) {
            best.set(key, { ...tag, reason: { phrase: text.slice(start, end), start, end } });
          }
        }
      }
    });
    return [...best.values()].sort((a, b) => a.reason.start - b.reason.start);
  };
}

/** Suggested tags for `text`, each once, in the order the text first mentions them. */
export const suggestTags: (text: string) => TagSuggestion[] = createTagSuggester(TAG_KEYWORD_RULES);
