// What the tag picker offers and how typing narrows it: every tag of every framework (trust key
// themes, promises, values, 15 Steps domains, equality groups, the person's own tags), matched
// by the start of any word in its name, description or framework, so "eng" finds "People who do
// not speak English well" and "value" lists the trust values. DOM-free, unit-tested.
import type { ResponseOf } from '../../../ipc/contract';

export type Catalogue = ResponseOf<'tagging:frameworks'>;

export type TagOption = {
  /** `frameworkId/tagId`: unique across frameworks, and how chosen tags are compared. */
  key: string;
  frameworkId: string;
  frameworkName: string;
  tagId: string;
  label: string;
  /** A short description or the parent group, shown under the name. */
  detail: string | null;
  equality: boolean;
  /** "Other (describe)": saved only with the person's own words beside it. */
  needsDescription: boolean;
};

export const tagKey = (tag: { frameworkId: string; tagId: string }): string =>
  `${tag.frameworkId}/${tag.tagId}`;

export function tagOptions(catalogue: Catalogue): TagOption[] {
  return catalogue.frameworks.flatMap((framework) => {
    const labels = new Map(framework.items.map((item) => [item.id, item.label]));
    return framework.items.map((item) => {
      const parent = item.parentId === null ? undefined : labels.get(item.parentId);
      return {
        key: tagKey({ frameworkId: framework.id, tagId: item.id }),
        frameworkId: framework.id,
        frameworkName: framework.name,
        tagId: item.id,
        label: item.label,
        detail: parent !== undefined ? `One of the ${parent.toLocaleLowerCase('en-GB')}` : item.description,
        equality: framework.kind === 'equality',
        needsDescription: item.needsDescription,
      };
    });
  });
}

/** Lower case, accents and punctuation dropped, so "Café" matches "cafe" and "don't" "dont". */
export function normaliseForMatch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en-GB')
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const words = (text: string) => normaliseForMatch(text).split(' ').filter(Boolean);

/** 0: the name starts with what was typed; 1: a word of the name does; 2: it matched elsewhere. */
function score(option: TagOption, queryWords: readonly string[]): number | null {
  const labelWords = words(option.label);
  const everyWord = [...labelWords, ...words(option.detail ?? ''), ...words(option.frameworkName)];
  if (!queryWords.every((q) => everyWord.some((w) => w.startsWith(q)))) return null;
  if (normaliseForMatch(option.label).startsWith(queryWords.join(' '))) return 0;
  return queryWords.every((q) => labelWords.some((w) => w.startsWith(q))) ? 1 : 2;
}

/**
 * The options matching `query`, without those already chosen. Frameworks stay together (the
 * list shows them under their names), ordered by their best match; within a framework, better
 * matches come first and ties keep the framework's own order.
 */
export function filterTagOptions(
  options: readonly TagOption[],
  query: string,
  chosen: ReadonlySet<string>,
): TagOption[] {
  const queryWords = words(query);
  const scored = options.flatMap((option, index) => {
    if (chosen.has(option.key)) return [];
    const s = queryWords.length === 0 ? 0 : score(option, queryWords);
    return s === null ? [] : [{ option, index, score: s }];
  });
  const best = new Map<string, number>();
  const firstIndex = new Map<string, number>();
  for (const { option, index, score: s } of scored) {
    best.set(option.frameworkId, Math.min(best.get(option.frameworkId) ?? s, s));
    if (!firstIndex.has(option.frameworkId)) firstIndex.set(option.frameworkId, index);
  }
  const groupOrder = (o: TagOption) => [best.get(o.frameworkId) ?? 0, firstIndex.get(o.frameworkId) ?? 0];
  return scored
    .sort((a, b) => {
      const [bestA = 0, firstA = 0] = groupOrder(a.option);
      const [bestB = 0, firstB = 0] = groupOrder(b.option);
      return bestA - bestB || firstA - firstB || a.score - b.score || a.index - b.index;
    })
    .map((entry) => entry.option);
}

/** True when some tag (chosen or not) already has exactly this name, so "Add your own" is not offered. */
export function hasTagNamed(options: readonly TagOption[], name: string): boolean {
  const wanted = normaliseForMatch(name);
  return wanted !== '' && options.some((option) => normaliseForMatch(option.label) === wanted);
}

export const CUSTOM_TAG_MAX = 60;

/** The name for a new tag of the person's own, or null when there is nothing usable to add. */
export function customTagName(query: string): string | null {
  const name = query.trim().replace(/\s+/g, ' ');
  return name === '' || name.length > CUSTOM_TAG_MAX ? null : name;
}

/** A tag the person has just made, as an option of the catalogue's own-tags framework. */
export function customTagOption(catalogue: Catalogue, tag: { id: string; label: string }): TagOption {
  const framework = catalogue.frameworks.find((f) => f.kind === 'custom');
  const frameworkId = framework?.id ?? 'custom';
  return {
    key: tagKey({ frameworkId, tagId: tag.id }),
    frameworkId,
    frameworkName: framework?.name ?? 'Your own tags',
    tagId: tag.id,
    label: tag.label,
    detail: null,
    equality: false,
    needsDescription: false,
  };
}
