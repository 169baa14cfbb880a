import type { TemplateDto } from '../../../../ipc/contract';

type Section = { name: string; prompts: TemplateDto['prompts'] };

export function groupPrompts(template: TemplateDto): Section[] {
  const sections: Section[] = [];
  for (const prompt of [...template.prompts].sort((a, b) => a.position - b.position)) {
    const section = sections.find((s) => s.name === prompt.section);
    if (section) section.prompts.push(prompt);
    else sections.push({ name: prompt.section, prompts: [prompt] });
  }
  return sections;
}

/** The round's question set, kept in view while capturing so nobody has to remember it. */
export function TemplatePrompts({ template }: { template: TemplateDto | null }) {
  if (template === null) return null;
  return (
    <aside className="pxr-prompts" aria-labelledby="prompts-heading">
      <h2 className="nhsuk-heading-s" id="prompts-heading">
        Prompts: {template.name}
      </h2>
      {groupPrompts(template).map((section) => (
        <div key={section.name}>
          <h3 className="pxr-prompts__section">{section.name}</h3>
          <ul className="nhsuk-list nhsuk-list--bullet pxr-prompts__list">
            {section.prompts.map((prompt) => (
              <li key={prompt.id}>{prompt.text}</li>
            ))}
          </ul>
        </div>
      ))}
    </aside>
  );
}
