// Round templates: the built-in and user templates a round can follow, with their prompts.
import { z } from 'zod';
import { emptyRequest } from './schema-parts';

export const TemplatePrompt = z.object({
  id: z.string(),
  section: z.string(),
  text: z.string(),
  position: z.number().int(),
});

export const Template = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  source: z.enum(['builtin', 'user']),
  prompts: z.array(TemplatePrompt),
});

export const templatesChannels = {
  'templates:list': {
    request: emptyRequest,
    response: z.array(Template),
  },
} as const;

export type TemplateDto = z.output<typeof Template>;
