import { asc, eq } from 'drizzle-orm';
import type { AppDatabase } from '../drizzle-client';
import { templatePrompts, templates } from '../schema';

export type TemplateData = {
  id: string;
  version: number;
  name: string;
  description: string;
  sections: { name: string; prompts: { id: string; text: string }[] }[];
};

export type TemplateRecord = {
  id: string;
  name: string;
  description: string;
  source: 'builtin' | 'user';
  prompts: { id: string; section: string; text: string; position: number }[];
};

/**
 * Brings the built-in templates in line with the shipped data. Prompts are only ever added or
 * reworded, never deleted, because observations point at them.
 */
export function syncBuiltinTemplates(db: AppDatabase, data: readonly TemplateData[], now: Date): void {
  db.transaction((tx) => {
    for (const template of data) {
      const existing = tx
        .select({ version: templates.version })
        .from(templates)
        .where(eq(templates.id, template.id))
        .get();
      if (existing && existing.version >= template.version) continue;
      tx.insert(templates)
        .values({
          id: template.id,
          name: template.name,
          description: template.description,
          source: 'builtin',
          version: template.version,
          createdAt: now.toISOString(),
        })
        .onConflictDoUpdate({
          target: templates.id,
          set: { name: template.name, description: template.description, version: template.version },
        })
        .run();
      let position = 0;
      for (const section of template.sections) {
        for (const prompt of section.prompts) {
          tx.insert(templatePrompts)
            .values({
              id: prompt.id,
              templateId: template.id,
              section: section.name,
              text: prompt.text,
              position,
            })
            .onConflictDoUpdate({
              target: templatePrompts.id,
              set: { section: section.name, text: prompt.text, position },
            })
            .run();
          position += 1;
        }
      }
    }
  });
}

export function listTemplates(db: AppDatabase): TemplateRecord[] {
  const rows = db.select().from(templates).orderBy(asc(templates.source), asc(templates.name)).all();
  const prompts = db.select().from(templatePrompts).orderBy(asc(templatePrompts.position)).all();
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    source: t.source,
    prompts: prompts
      .filter((p) => p.templateId === t.id)
      .map((p) => ({ id: p.id, section: p.section, text: p.text, position: p.position })),
  }));
}

export function getTemplate(db: AppDatabase, id: string): TemplateRecord | null {
  const t = db.select().from(templates).where(eq(templates.id, id)).get();
  if (!t) return null;
  const prompts = db
    .select()
    .from(templatePrompts)
    .where(eq(templatePrompts.templateId, id))
    .orderBy(asc(templatePrompts.position))
    .all();
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    source: t.source,
    prompts: prompts.map((p) => ({ id: p.id, section: p.section, text: p.text, position: p.position })),
  };
}

export function templatesRepository(db: AppDatabase) {
  return {
    list: () => listTemplates(db),
    get: (id: string) => getTemplate(db, id),
    /** See syncBuiltinTemplates: the built-in templates brought in line with the shipped data. */
    syncBuiltin: (data: readonly TemplateData[], now: Date) => syncBuiltinTemplates(db, data, now),
  };
}

export type TemplatesRepository = ReturnType<typeof templatesRepository>;
