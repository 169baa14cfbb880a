// The plain-language glossary: NHS, cancer-care and committee terms with plain-English
// alternatives. It is data (resources/glossary/plain-language-glossary.json), parsed with zod
// when this module loads so a bad edit fails loudly at start-up and in tests, not silently in
// the editor.

import { z } from 'zod';
import glossaryData from '../../resources/glossary/plain-language-glossary.json';

export const glossaryEntrySchema = z
  .object({
    term: z.string().trim().min(1),
    kind: z.enum(['abbreviation', 'jargon']),
    plain: z.string().trim().min(1),
    note: z.string().trim().min(1).optional(),
  })
  .strict();

export const glossarySchema = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version must look like 1.2.3'),
    updated: z.iso.date(),
    description: z.string().min(1),
    wellKnownAbbreviations: z.array(z.string().min(1)),
    entries: z.array(glossaryEntrySchema).min(150),
  })
  .strict()
  .superRefine((glossary, ctx) => {
    const seen = new Set<string>();
    glossary.entries.forEach((entry, index) => {
      // Abbreviations are case-sensitive ("NED" is not "ned"), jargon is not.
      const key = entry.kind === 'abbreviation' ? `a:${entry.term}` : `j:${entry.term.toLowerCase()}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', index, 'term'],
          message: `"${entry.term}" is listed twice`,
        });
      }
      seen.add(key);
    });
  });

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
export type Glossary = z.infer<typeof glossarySchema>;

/** Parses glossary data from any source, with a readable error naming the faulty entry. */
export function parseGlossary(data: unknown): Glossary {
  const result = glossarySchema.safeParse(data);
  if (!result.success)
    throw new Error(`The plain-language glossary is not valid:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** The glossary shipped with the app. */
export const GLOSSARY: Glossary = parseGlossary(glossaryData);
