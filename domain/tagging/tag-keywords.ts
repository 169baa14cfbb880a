// The keyword table behind tag suggestions (resources/frameworks/tag-keywords.json), validated
// at load against the frameworks, so a renamed tag id or a typo in the data fails the build's
// tests instead of silently never suggesting anything.
import { z } from 'zod';
import tagKeywordsJson from '../../resources/frameworks/tag-keywords.json';
import { wordSpans } from '../sentiment/word-spans';
import { TAG_FRAMEWORKS, type Framework } from './frameworks';

export type TagRef = { frameworkId: string; tagId: string };

export type TagKeywordRule = {
  tags: readonly TagRef[];
  /** Lower-case phrases, words separated by single spaces. */
  phrases: readonly string[];
};

const TAG_REF = /^([a-z0-9]+(?:-[a-z0-9]+)*)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

const TagKeywordsSchema = z.strictObject({
  id: z.literal('tag-keywords'),
  version: z.int().positive(),
  name: z.string().trim().min(1),
  source: z.string().trim().min(1),
  rules: z
    .array(
      z.strictObject({
        tags: z.array(z.string().regex(TAG_REF, { message: "must be 'framework-id/tag-id'" })).min(1),
        phrases: z.array(z.string().min(1)).min(1),
      }),
    )
    .min(1),
});

/** A phrase as the matcher sees it: its words, normalised exactly as text is. */
function phraseWords(phrase: string): string[] {
  return wordSpans(phrase).map((span) => span.word);
}

export function parseTagKeywords(
  raw: unknown,
  frameworks: readonly Framework[] = TAG_FRAMEWORKS,
): TagKeywordRule[] {
  const parsed = TagKeywordsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`resources/frameworks/tag-keywords.json is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  const rules = parsed.data.rules.map((rule, ruleIndex): TagKeywordRule => {
    const tags = rule.tags.map((ref): TagRef => {
      const [, frameworkId = '', tagId = ''] = TAG_REF.exec(ref) ?? [];
      const framework = frameworks.find((f) => f.id === frameworkId);
      if (!framework) problems.push(`rule ${ruleIndex}: no framework '${frameworkId}'`);
      else if (!framework.items.some((item) => item.id === tagId)) {
        problems.push(`rule ${ruleIndex}: framework '${frameworkId}' has no tag '${tagId}'`);
      }
      return { frameworkId, tagId };
    });
    for (const phrase of rule.phrases) {
      // A phrase with capitals, hyphens or double spaces could never match: say so now.
      if (phraseWords(phrase).join(' ') !== phrase) {
        problems.push(
          `rule ${ruleIndex}: phrase '${phrase}' must be lower-case words separated by single spaces`,
        );
      }
      for (const ref of rule.tags) {
        const key = `${phrase}→${ref}`;
        if (seen.has(key)) problems.push(`rule ${ruleIndex}: phrase '${phrase}' already suggests '${ref}'`);
        seen.add(key);
      }
    }
    return { tags, phrases: rule.phrases };
  });
  if (problems.length > 0) {
    throw new Error(`resources/frameworks/tag-keywords.json is invalid:\n${problems.join('\n')}`);
  }
  return rules;
}

export const TAG_KEYWORD_RULES: readonly TagKeywordRule[] = parseTagKeywords(tagKeywordsJson);
