import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { TemplateData } from '../../db/repositories/templates-repository';

const TemplateFile = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().positive(),
  name: z.string().min(1),
  description: z.string(),
  source: z.string(),
  sections: z
    .array(
      z.object({
        name: z.string().min(1),
        prompts: z.array(z.object({ id: z.string().min(1), text: z.string().min(1) })).min(1),
      }),
    )
    .min(1),
});

/** Reads the question sets shipped in resources/templates; a malformed file stops start-up loudly. */
export function loadBuiltinTemplates(resourcesFolder: string): TemplateData[] {
  const folder = join(resourcesFolder, 'templates');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .toSorted()
    .map((name) => {
      const parsed = TemplateFile.safeParse(JSON.parse(readFileSync(join(folder, name), 'utf8')));
      if (!parsed.success) throw new Error(`Template ${name} is not valid: ${parsed.error.message}`);
      return parsed.data;
    });
}
