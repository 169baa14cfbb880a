// "Is this item clear to leave the app?" for a story or an observation: every personal-data
// finding in the text that would leave (a story's title, narrative and learning points; an
// observation's text) is redacted or kept for a written reason, and a withdrawn story is never
// clear. The plain-language check comes along as advice; it never blocks.
//
// Redacting edits the text where it stands, through the same path as typing (so a story that
// was read back goes back to draft, and the edit is audited), then moves the decisions of later
// occurrences of the same words down (clearance.ts explains why). The one exception is an
// observation whose round is completed: its text is fixed by then, so the "redacted" decision
// is stored and the export removes those words on the way out with `applyDecisions`.

import { createHash } from 'node:crypto';
import type { ClearanceReportDto, ParsedRequestOf } from '../../ipc/contract';
import { lockedError, notFoundError, validationError } from '../../ipc/errors';
import type { ClearableKind } from '../../ipc/vocabulary';
import type { ClearanceDecisionRow } from '../../db/repositories/clearance-repository';
import type { ObservationRow } from '../../db/repositories/observations-repository';
import type { StoryRow } from '../../db/repositories/stories-repository';
import { findingKey, isClearToLeave, rebaseDecisionsAfterRedaction } from '../personal-data/clearance';
import type { Finding, FindingKind } from '../personal-data/finding';
import { PLACEHOLDERS, redact } from '../personal-data/redact';
import { scanPersonalData } from '../personal-data/scan-personal-data';
import { checkPlainLanguage } from '../plain-language/check-plain-language';
import { applyPlainWords, termOfPlainWordsKey } from '../plain-language/plain-replace';
import { updateObservation } from '../observations/observations-service';
import type { Store } from '../store';
import { applyStoryChanges } from '../stories/stories-service';
import { parseLearningPoints, parseQuotes, quotesAfterReplacing } from '../stories/story-text';
import { learningPointField } from '../stories/decision-remap';
import { staffNames } from '../settings/staff-names';

export type Item =
  { kind: 'story'; row: StoryRow } | { kind: 'observation'; row: ObservationRow; roundStatus: string };
type FieldText = { field: string; text: string };

const LABELS: Readonly<Record<FindingKind, string>> = {
  name: 'A name',
  nhs_number: 'An NHS number',
  postcode: 'A postcode',
  phone: 'A phone number',
  email: 'An email address',
  date_of_birth: 'A date of birth',
  date: 'A full date',
  hospital_number: 'A hospital number',
  bed_bay: 'A bed or bay number',
};

export function loadItem(store: Store, kind: ClearableKind, id: string): Item {
  if (kind === 'story') {
    const row = store.stories.get(id);
    if (!row) throw notFoundError('The story');
    return { kind, row };
  }
  const row = store.observations.get(id);
  if (!row) throw notFoundError('The observation');
  return { kind, row, roundStatus: store.rounds.get(row.roundId)?.status ?? 'signed_off' };
}

function fieldsOf(item: Item): FieldText[] {
  if (item.kind === 'observation') return [{ field: 'text', text: item.row.text }];
  return [
    { field: 'title', text: item.row.title },
    { field: 'narrative', text: item.row.narrative },
    ...parseLearningPoints(item.row.learningPoints).map((text, i) => ({
      field: learningPointField(i),
      text,
    })),
  ];
}

const decisionKey = (field: string, key: string) => `${field}\u0000${key}`;
const toDecision = (row: Pick<ClearanceDecisionRow, 'findingKey' | 'decision' | 'reason'>) => ({
  findingKey: row.findingKey,
  decision: row.decision,
  ...(row.reason === null ? {} : { reason: row.reason }),
});

function plainLanguageOf(field: FieldText): ClearanceReportDto['plainLanguage'] {
  const report = checkPlainLanguage(field.text);
  const { fleschReadingEase, averageSentenceLength, words, sentences, verdict } = report.readability;
  return {
    field: field.field,
    readability: { fleschReadingEase, averageSentenceLength, words, sentences, verdict },
    terms: report.findings.map(({ term, text, start, end, plain, explained }) => ({
      term,
      text,
      start,
      end,
      plain,
      explained,
    })),
    unexplainedAbbreviations: report.unexplainedAbbreviations.map(({ term, start, end }) => ({
      term,
      start,
      end,
    })),
  };
}

type PersonalDataRow = ClearanceDecisionRow & { decision: 'redacted' | 'kept' };
const isPlainWords = (row: ClearanceDecisionRow) => row.decision === 'plain_words';
const isPersonalData = (row: ClearanceDecisionRow): row is PersonalDataRow => !isPlainWords(row);

/** The field the plain-language check reads: a story's narrative or an observation's text. */
export function plainLanguageField(item: Item): FieldText {
  return (
    fieldsOf(item).find((f) => f.field === 'narrative' || f.field === 'text') ?? { field: 'text', text: '' }
  );
}

/** The jargon replaced at review in the field the check reads, as stored. */
export function plainWordsRows(store: Store, item: Item): ClearanceDecisionRow[] {
  const field = plainLanguageField(item).field;
  return store.clearance.forItem(item.kind, item.row.id).filter((r) => isPlainWords(r) && r.field === field);
}

export function reportFor(store: Store, item: Item): ClearanceReportDto {
  const names = staffNames(store);
  const rows = store.clearance.forItem(item.kind, item.row.id).filter(isPersonalData);
  const byKey = new Map(rows.map((row) => [decisionKey(row.field, row.findingKey), row]));
  const fields = fieldsOf(item);
  let clear = true;
  const findings = fields.flatMap((field) => {
    const found = scanPersonalData(field.text, { staffNames: names });
    const decided = rows.filter((row) => row.field === field.field).map(toDecision);
    clear &&= isClearToLeave(found, decided);
    return found.map((finding) => {
      const key = findingKey(finding);
      const row = byKey.get(decisionKey(field.field, key));
      return {
        field: field.field,
        findingKey: key,
        kind: finding.kind,
        label: LABELS[finding.kind],
        start: finding.start,
        end: finding.end,
        text: finding.text,
        flaggedBecause: finding.reason,
        state: row?.decision ?? ('undecided' as const),
        decision: row
          ? { decision: row.decision, reason: row.reason, decidedBy: row.decidedBy, decidedAt: row.decidedAt }
          : null,
      };
    });
  });
  const blockers: string[] = [];
  if (item.kind === 'story' && item.row.status === 'withdrawn') {
    blockers.push('The storyteller has withdrawn consent for this story, so it cannot leave PX Rounds.');
  }
  const undecided = findings.filter((f) => f.state === 'undecided').length;
  if (!clear) {
    blockers.push(
      undecided === 1
        ? '1 possible personal detail still needs a decision: remove it, or keep it and say why.'
        : `${undecided} possible personal details still need a decision: remove each, or keep it and say why.`,
    );
  }
  // The advice is about the text as it will leave: a term replaced at review is no longer in it.
  const main = plainLanguageField(item);
  const replaced = plainWordsRows(store, item);
  const plainWords = replaced.map((r) => ({
    term: termOfPlainWordsKey(r.findingKey) ?? r.findingKey,
    words: r.reason ?? '',
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt,
  }));
  return {
    clear: blockers.length === 0,
    blockers,
    findings,
    plainLanguage: plainLanguageOf({ field: main.field, text: applyPlainWords(main.text, replaced) }),
    plainWords,
  };
}

export function checkClearance(
  store: Store,
  request: ParsedRequestOf<'clearance:check'>,
): ClearanceReportDto {
  return reportFor(store, loadItem(store, request.itemKind, request.itemId));
}

export function assertDecidable(item: Item): void {
  if (item.kind === 'story' && item.row.status === 'withdrawn') {
    throw lockedError(
      'The storyteller has withdrawn consent for this story, so it can no longer be changed.',
    );
  }
  if (item.kind === 'observation' && item.roundStatus === 'signed_off') {
    throw lockedError('This round has been signed off, so it can no longer be changed.');
  }
}

/** The decisions of one field as they stand once `finding` has been replaced in place. */
function rebasedRows(
  rows: readonly ClearanceDecisionRow[],
  finding: Finding,
): Omit<ClearanceDecisionRow, 'id'>[] {
  return rows.flatMap(({ id: _id, ...row }) =>
    rebaseDecisionsAfterRedaction([toDecision(row)], finding).map((d) => ({
      ...row,
      findingKey: d.findingKey,
    })),
  );
}

function redactStoryInPlace(store: Store, story: StoryRow, field: string, finding: Finding): void {
  const audit = { detail: { redacted: { field, kind: finding.kind } } };
  if (field === 'title') {
    applyStoryChanges(store, story, { title: redact(story.title, finding) }, { audit });
  } else if (field === 'narrative') {
    const narrative = redact(story.narrative, finding);
    const replacement = PLACEHOLDERS[finding.kind];
    const quotes = quotesAfterReplacing(narrative, parseQuotes(story.quotes), { ...finding, replacement });
    applyStoryChanges(store, story, { narrative, quotes }, { audit, placedQuotes: true });
  } else {
    const index = Number(field.slice(field.indexOf('.') + 1));
    const points = parseLearningPoints(story.learningPoints);
    points[index] = redact(points[index] ?? '', finding);
    applyStoryChanges(store, story, { learningPoints: points }, { audit, pointsInPlace: true });
  }
}

/** The audit entry of a decision on one field of an item; `detail` says what was decided. */
export function auditDecision(
  store: Store,
  item: Item,
  field: string,
  detail: Record<string, unknown>,
): void {
  store.audit.append({
    action: 'create',
    entity: 'clearance_decision',
    entityId: item.row.id,
    detail: { itemKind: item.kind, field, ...detail },
  });
}

/**
 * One decision on the item a request names, in one transaction: refused unless the item may still
 * be decided; answers with the item's report as it now stands.
 */
export function decideOnItem(
  store: Store,
  request: { itemKind: Item['kind']; itemId: string },
  decide: (item: Item) => void,
): ClearanceReportDto {
  return store.transaction(() => {
    const item = loadItem(store, request.itemKind, request.itemId);
    assertDecidable(item);
    decide(item);
    return reportFor(store, loadItem(store, item.kind, item.row.id));
  });
}

export function decideClearance(
  store: Store,
  request: ParsedRequestOf<'clearance:decide'>,
): ClearanceReportDto {
  return decideOnItem(store, request, (item) => {
    const field = fieldsOf(item).find((f) => f.field === request.field);
    if (!field)
      throw validationError('field', 'That part of the text is no longer there. Check the text again');
    const finding = scanPersonalData(field.text, { staffNames: staffNames(store) }).find(
      (f) => findingKey(f) === request.findingKey,
    );
    if (!finding) {
      throw validationError(
        'findingKey',
        'This is no longer in the text. Check the text again and choose from what it finds',
      );
    }
    const now = store.now().toISOString();
    const inPlace =
      request.decision === 'redacted' &&
      (item.kind === 'story' || (item.roundStatus !== 'completed' && item.roundStatus !== 'signed_off'));
    if (inPlace) {
      const rows = store.clearance.forItem(item.kind, item.row.id).filter((r) => r.field === field.field);
      store.clearance.replaceFields(item.kind, item.row.id, [field.field], rebasedRows(rows, finding));
      if (item.kind === 'story') redactStoryInPlace(store, item.row, field.field, finding);
      else updateObservation(store, { id: item.row.id, changes: { text: redact(item.row.text, finding) } });
    } else {
      store.clearance.save({
        itemKind: item.kind,
        itemId: item.row.id,
        field: field.field,
        findingKey: request.findingKey,
        decision: request.decision,
        reason: request.decision === 'kept' ? request.reason : null,
        decidedBy: store.actor,
        decidedAt: now,
      });
    }
    auditDecision(store, item, field.field, {
      kind: finding.kind,
      occurrence: finding.occurrence,
      // The finding's own words stay out of the append-only log; its fingerprint identifies it.
      findingKeySha256: createHash('sha256').update(request.findingKey).digest('hex'),
      decision: request.decision,
      reason: request.decision === 'kept' ? request.reason : null,
      appliedInPlace: inPlace,
    });
  });
}
