import {
  decisionsFor,
  equalityTags,
  groupByItem,
  londonTime,
  mainThemeFramework,
  themeLabels,
  toActionModel,
} from './report-labels';
import { staffNames } from '../../settings/staff-names';
import { requireRound } from '../../rounds/rounds-service';
import type { Store } from '../../store';
import { calendarDateIn } from '../../time/trust-time';
import type { DocumentBase } from '../export-models';
import { FINDING_KIND_LABELS, listInWords } from '../../documents/document-labels';
import { clearForExport } from '../personal-data-gate';
import type { RoundSummaryModel } from '../round-summary/round-summary-model';

// A signed-off round as its summary prints it: every observation's text passed through the
// personal-data gate (redactions applied, anything undecided refuses the export), themes and
// equality groups by their labels, and the actions raised from the round's observations.

export function roundSummaryFromStore(store: Store, roundId: string, base: DocumentBase): RoundSummaryModel {
  const round = requireRound(store, roundId);
  const visits = store.areas.listVisits(roundId);
  const areaNames = new Map(visits.map((v) => [v.areaId, v.name]));
  const rows = store.observations.listForRound(roundId);
  const tags = groupByItem(store.tags.forRoundObservations(roundId));
  const texts = clearForExport(
    rows.map((row) => ({
      where: `The observation at ${londonTime(row.capturedAt)} (${areaNames.get(row.areaId) ?? 'an area'})`,
      text: row.text,
      decisions: decisionsFor(store.clearance.forItem('observation', row.id), 'text'),
    })),
    { staffNames: staffNames(store) },
  );
  const template = round.templateId ? store.templates.get(round.templateId) : null;
  const startsAt = new Date(round.startsAt);
  const actions = store.reporting.actionsRaisedInRound(roundId);
  const areasVisited = visits.map((v) => v.name);
  return {
    ...base,
    title: `Patient experience round: ${areasVisited.length > 0 ? listInWords(areasVisited) : round.site}`,
    site: round.site,
    date: calendarDateIn(startsAt),
    time: round.completedAt
      ? `${londonTime(round.startsAt)} to ${londonTime(round.completedAt)}`
      : londonTime(round.startsAt),
    templateName: template?.name ?? null,
    team: store.rounds.team(roundId).map((m) => ({ name: m.name, role: m.role })),
    areasVisited,
    observations: rows.map((row, i) => {
      const own = tags.get(row.id) ?? [];
      return {
        area: areaNames.get(row.areaId) ?? 'Area not recorded',
        time: londonTime(row.capturedAt),
        kind: row.kind,
        source: row.source,
        text: texts[i]?.text ?? '',
        themes: themeLabels(own, mainThemeFramework(round.templateId)),
        sentiment: row.sentimentConfirmed,
        equality: equalityTags(own),
        kept: (texts[i]?.kept ?? []).map((k) => ({
          text: k.text,
          kind: FINDING_KIND_LABELS[k.kind],
          reason: k.reason,
        })),
      };
    }),
    actions: actions.map(toActionModel),
  };
}
