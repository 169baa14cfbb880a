// Keeping the round page's copy of the round up to date as answers come back. Pure, so the
// rule for answers that arrive out of order is unit-tested.
import type { ObservationDto } from '../../../ipc/contract';
import type { Catalogue } from './tag-options';

/**
 * Text, tags and sentiment are saved through different channels whose answers may arrive out of
 * order; each answer is the whole observation as the database held it, so the newest wins.
 */
export function upsertObservation(
  observations: readonly ObservationDto[],
  saved: ObservationDto,
): ObservationDto[] {
  const held = observations.find((o) => o.id === saved.id);
  if (held === undefined) return [...observations, saved];
  if (Date.parse(held.updatedAt) > Date.parse(saved.updatedAt)) return [...observations];
  return observations.map((o) => (o.id === saved.id ? saved : o));
}

/** A tag of one's own, made from the picker, joins the catalogue at once without a reload. */
export function withCustomTag(catalogue: Catalogue, tag: { id: string; label: string }): Catalogue {
  return {
    ...catalogue,
    frameworks: catalogue.frameworks.map((framework) =>
      framework.kind !== 'custom' || framework.items.some((item) => item.id === tag.id)
        ? framework
        : {
            ...framework,
            items: [
              ...framework.items,
              { ...tag, description: null, category: null, parentId: null, needsDescription: false },
            ],
          },
    ),
  };
}
