// The reference frameworks the app tags against, loaded from resources/frameworks/*.json and
// validated once, when this module is first imported: a broken data file fails every test
// and the app's start-up, rather than showing an empty tag picker to a governor on a ward.
//
// Pure: no node: imports, so the renderer can import it for the tag picker and suggestions.
import { z } from 'zod';
import equalityGroupsJson from '../../resources/frameworks/equality-groups.json';
import equalityImpactsJson from '../../resources/frameworks/equality-impacts.json';
import fifteenStepsJson from '../../resources/frameworks/fifteen-steps-domains.json';
import trustKeyThemesJson from '../../resources/frameworks/trust-key-themes.json';
import trustPromisesJson from '../../resources/frameworks/trust-promises.json';
import trustValuesJson from '../../resources/frameworks/trust-values.json';
import { EQUALITY_IMPACTS as IMPACT_IDS, type EqualityImpact as ImpactId } from '../../ipc/vocabulary';

export const FRAMEWORK_IDS = {
  trustKeyThemes: 'trust-key-themes',
  trustPromises: 'trust-promises',
  trustValues: 'trust-values',
  fifteenStepsDomains: 'fifteen-steps-domains',
  equalityGroups: 'equality-groups',
  equalityImpacts: 'equality-impacts',
} as const;

export type FrameworkId = (typeof FRAMEWORK_IDS)[keyof typeof FRAMEWORK_IDS];

// The impact recorded with each equality tag. The code branches on these (coverage, reports),
// so they are the vocabulary's closed list and the data file must list exactly these ids.

export const EQUALITY_GROUP_CATEGORIES = [
  'protected-characteristic',
  'core20plus5',
  'inclusion-health',
  'trust-addition',
  'other',
] as const;
export type EqualityGroupCategory = (typeof EQUALITY_GROUP_CATEGORIES)[number];

// Ids are stored in the database, so they are restricted to a shape that can never need
// quoting or escaping anywhere (SQL, URLs, file names, CSV).
const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const kebabId = z.string().regex(KEBAB_ID, { message: 'must be a kebab-case id (a-z, 0-9, -)' });

const itemFields = {
  id: kebabId,
  label: z.string().trim().min(1),
  description: z.string().trim().min(1).optional(),
};

const FrameworkItemSchema = z.strictObject(itemFields);

const EqualityGroupSchema = z.strictObject({
  ...itemFields,
  category: z.enum(EQUALITY_GROUP_CATEGORIES),
  // A sub-group (for example people experiencing homelessness within inclusion health groups),
  // so coverage can be rolled up to the parent group.
  parentId: kebabId.optional(),
  // "Other (describe)": the tag is only meaningful with the person's own words beside it.
  needsDescription: z.literal(true).optional(),
});

function frameworkSchema<Item extends z.ZodType<{ id: string }>>(item: Item) {
  return z
    .strictObject({
      id: kebabId,
      version: z.int().positive(),
      name: z.string().trim().min(1),
      source: z.string().trim().min(1),
      items: z.array(item).min(1),
    })
    .superRefine((framework, ctx) => {
      const seen = new Set<string>();
      framework.items.forEach((entry, index) => {
        if (seen.has(entry.id)) {
          ctx.addIssue({
            code: 'custom',
            message: `duplicate item id '${entry.id}'`,
            path: ['items', index, 'id'],
          });
        }
        seen.add(entry.id);
      });
    });
}

export type FrameworkItem = z.infer<typeof FrameworkItemSchema>;
export type EqualityGroup = z.infer<typeof EqualityGroupSchema>;
export type EqualityImpact = FrameworkItem & { id: ImpactId };

export type Framework<Item extends FrameworkItem = FrameworkItem> = {
  id: string;
  version: number;
  name: string;
  source: string;
  items: readonly Item[];
};

const PlainFrameworkSchema = frameworkSchema(FrameworkItemSchema);

const EqualityGroupsSchema = frameworkSchema(EqualityGroupSchema).superRefine((framework, ctx) => {
  const byId = new Map(framework.items.map((group) => [group.id, group]));
  framework.items.forEach((group, index) => {
    if (group.parentId === undefined) return;
    const parent = byId.get(group.parentId);
    if (!parent || parent.parentId !== undefined || parent.id === group.id) {
      ctx.addIssue({
        code: 'custom',
        message: `parentId '${group.parentId}' must name a top-level group in this framework`,
        path: ['items', index, 'parentId'],
      });
    }
  });
});

const EqualityImpactsSchema = frameworkSchema(
  z.strictObject({ ...itemFields, id: z.enum(IMPACT_IDS) }),
).superRefine((framework, ctx) => {
  const ids = framework.items.map((impact) => impact.id);
  if (ids.length !== IMPACT_IDS.length || !IMPACT_IDS.every((id) => ids.includes(id))) {
    ctx.addIssue({ code: 'custom', message: `items must be exactly: ${IMPACT_IDS.join(', ')}` });
  }
});

function parseOrThrow<T extends { id: string }>(schema: z.ZodType<T>, raw: unknown, expectedId: string): T {
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new Error(`resources/frameworks/${expectedId}.json is invalid:\n${z.prettifyError(result.error)}`);
  }
  if (result.data.id !== expectedId) {
    throw new Error(
      `resources/frameworks/${expectedId}.json has id '${result.data.id}', expected '${expectedId}'`,
    );
  }
  return result.data;
}

/** Validates a framework of plain items (themes, promises, values, 15 Steps domains). */
export function parseFramework(raw: unknown, expectedId: string): Framework {
  return parseOrThrow(PlainFrameworkSchema, raw, expectedId);
}

/** Validates the equality groups framework, including its parent/sub-group links. */
export function parseEqualityGroups(raw: unknown): Framework<EqualityGroup> {
  return parseOrThrow(EqualityGroupsSchema, raw, FRAMEWORK_IDS.equalityGroups);
}

/** Validates the equality impacts: exactly positive, negative, neutral and unclear. */
export function parseEqualityImpacts(raw: unknown): Framework<EqualityImpact> {
  return parseOrThrow(EqualityImpactsSchema, raw, FRAMEWORK_IDS.equalityImpacts);
}

export const TRUST_KEY_THEMES: Framework = parseFramework(trustKeyThemesJson, FRAMEWORK_IDS.trustKeyThemes);
export const TRUST_PROMISES: Framework = parseFramework(trustPromisesJson, FRAMEWORK_IDS.trustPromises);
export const TRUST_VALUES: Framework = parseFramework(trustValuesJson, FRAMEWORK_IDS.trustValues);
export const FIFTEEN_STEPS_DOMAINS: Framework = parseFramework(
  fifteenStepsJson,
  FRAMEWORK_IDS.fifteenStepsDomains,
);
export const EQUALITY_GROUPS: Framework<EqualityGroup> = parseEqualityGroups(equalityGroupsJson);
export const EQUALITY_IMPACTS: Framework<EqualityImpact> = parseEqualityImpacts(equalityImpactsJson);

/** The frameworks whose items are tags on an observation (impacts qualify equality tags instead). */
export const TAG_FRAMEWORKS: readonly Framework[] = [
  TRUST_KEY_THEMES,
  TRUST_PROMISES,
  TRUST_VALUES,
  FIFTEEN_STEPS_DOMAINS,
  EQUALITY_GROUPS,
];

export function findFramework(frameworkId: string): Framework | undefined {
  return TAG_FRAMEWORKS.find((framework) => framework.id === frameworkId);
}

export function findTag(frameworkId: string, tagId: string): FrameworkItem | undefined {
  return findFramework(frameworkId)?.items.find((item) => item.id === tagId);
}
