import type { ClearanceDecisionRow } from '../../../db/repositories/clearance-repository';
import type { StoredTag } from '../../../db/repositories/tagging-repository';
import type { RedactionDecision } from '../../personal-data/clearance';
import type { ReportActionRow } from '../../../db/repositories/reporting-repository';
import { CONSENT_SCOPES, type ConsentScope, type EqualityImpact } from '../../../ipc/vocabulary';
import { EQUALITY_GROUPS, FRAMEWORK_IDS, TRUST_KEY_THEMES, findTag } from '../../tagging/frameworks';
import { TRUST_TIME_ZONE } from '../../time/trust-time';
import type { EqualityTagModel } from '../../documents/document-types';
import type { ActionModel } from '../export-models';

// Small translations from the rows the store returns to what the view-models carry: tag ids to
// the frameworks' labels, instants to the trust's wall-clock time, action rows to "You said,
// we did" lines.

export const THEME_LABELS: readonly string[] = TRUST_KEY_THEMES.items.map((t) => t.label);
export const EQUALITY_GROUP_LABELS: readonly string[] = EQUALITY_GROUPS.items.map((g) => g.label);

/** The frameworks whose tags are themes a document groups by: the trust's, and 15 Steps domains. */
export const THEME_FRAMEWORKS: readonly string[] = [
  FRAMEWORK_IDS.trustKeyThemes,
  FRAMEWORK_IDS.fifteenStepsDomains,
];

/** The template whose question set has its own headings, and the framework that holds them. */
const TEMPLATE_FRAMEWORKS: Readonly<Record<string, string>> = {
  'fifteen-steps': FRAMEWORK_IDS.fifteenStepsDomains,
};

/** The theme framework a round on `templateId` uses first: its question set's own, if it has one. */
export function mainThemeFramework(templateId: string | null): string {
  return (templateId && TEMPLATE_FRAMEWORKS[templateId]) || FRAMEWORK_IDS.trustKeyThemes;
}

/**
 * The themes an item was tagged with, as labels: trust key themes and 15 Steps domains, those
 * of `main` first (a 15 Steps round is grouped under its own headings), each in tagged order.
 */
export function themeLabels(
  tags: readonly StoredTag[],
  main: string = FRAMEWORK_IDS.trustKeyThemes,
): string[] {
  const known = tags.filter(
    (t) => THEME_FRAMEWORKS.includes(t.frameworkId) && findTag(t.frameworkId, t.tagId),
  );
  return [...known.filter((t) => t.frameworkId === main), ...known.filter((t) => t.frameworkId !== main)].map(
    (t) => findTag(t.frameworkId, t.tagId)?.label ?? t.tagId,
  );
}

export function equalityTags(tags: readonly StoredTag[]): EqualityTagModel[] {
  return tags
    .filter((t) => t.frameworkId === FRAMEWORK_IDS.equalityGroups)
    .map((t) => ({
      group: findTag(t.frameworkId, t.tagId)?.label ?? t.tagId,
      impact: (t.impact ?? 'unclear') satisfies EqualityImpact,
    }));
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TRUST_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "HH:mm" on the trust's clock. */
export const londonTime = (iso: string) => timeFormat.format(new Date(iso));

export function toActionModel(row: ReportActionRow): ActionModel {
  const owner = [row.ownerName, row.ownerRole].filter((s) => s.trim().length > 0).join(', ');
  return {
    youSaid: row.said,
    weWill: row.willDo,
    owner: owner || 'Not yet assigned',
    area: row.areaName ?? row.site ?? 'Trust-wide',
    due: row.dueDate,
    status: row.status,
  };
}

export function groupByItem<T extends { itemId: string }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.itemId);
    if (list) list.push(row);
    else grouped.set(row.itemId, [row]);
  }
  return grouped;
}

/** The stored decisions about one field of an item, as the personal-data gate takes them. */
export function decisionsFor(
  rows: readonly Pick<ClearanceDecisionRow, 'field' | 'findingKey' | 'decision' | 'reason'>[],
  field: string,
): RedactionDecision[] {
  return rows
    .filter((d) => d.field === field)
    .map((d) => ({
      findingKey: d.findingKey,
      decision: d.decision,
      ...(d.reason ? { reason: d.reason } : {}),
    }));
}

/** The consent's scopes as stored (a JSON array), keeping only ones PX Rounds knows. */
export function parseConsentScopes(json: string): ConsentScope[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  return Array.isArray(parsed) ? CONSENT_SCOPES.filter((scope) => parsed.includes(scope)) : [];
}
