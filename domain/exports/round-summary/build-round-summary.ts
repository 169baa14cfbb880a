import type { FileChild } from 'docx';
import type { SentimentLabel } from '../../../ipc/vocabulary';
import { createBlocks, type Blocks } from '../blocks';
import { buildDocument, packDocx } from '../document-frame';
import type { ActionModel } from '../export-models';
import {
  ACTION_STATUS_LABELS,
  formatDate,
  formatShortDate,
  equalityText,
  KIND_LABELS,
  listInWords,
  ROLE_LABELS,
  SENTIMENT_LABELS_TEXT,
  SENTIMENT_ORDER,
  SOURCE_LABELS,
} from '../../documents/document-labels';
import { count, number } from '../count-words';
import { STANDARD_SCALE } from '../nhs-style';
import type { RoundObservationModel, RoundSummaryModel } from './round-summary-model';

// The round summary a NED tables at PEIG: who went where, what they saw and heard grouped by
// the trust's themes, people's own words set apart, and the actions raised.

const UNTHEMED = 'Not linked to a theme';

function sentimentText(sentiment: SentimentLabel | null): string {
  return `Sentiment: ${SENTIMENT_LABELS_TEXT[sentiment ?? 'unrated'].toLowerCase()}`;
}

/** Groups by first theme, biggest group first; ties keep the order themes first appear in. */
function groupByTheme(observations: readonly RoundObservationModel[]): [string, RoundObservationModel[]][] {
  const groups = new Map<string, RoundObservationModel[]>();
  for (const observation of observations) {
    const theme = observation.themes[0] ?? UNTHEMED;
    groups.set(theme, [...(groups.get(theme) ?? []), observation]);
  }
  return [...groups.entries()].sort(
    ([a, x], [b, y]) => Number(a === UNTHEMED) - Number(b === UNTHEMED) || y.length - x.length,
  );
}

function observationBlocks(b: Blocks, observation: RoundObservationModel): FileChild[] {
  const source = SOURCE_LABELS[observation.source];
  const where = [observation.area, observation.time ?? ''].filter((p) => p.length > 0).join(', ');
  const tags = [
    sentimentText(observation.sentiment),
    observation.equality.length > 0 ? `Equality: ${equalityText(observation.equality)}` : '',
    observation.themes.length > 1 ? `Also: ${observation.themes.slice(1).join(', ')}` : '',
  ];
  // The reviewer's reason for each detail left in, as the export form promises.
  const kept = (observation.kept ?? []).map((k) =>
    b.meta([`Personal detail kept: “${k.text}” (${k.kind}), because: ${k.reason}`]),
  );
  if (observation.kind === 'quote') {
    return [...b.insetQuote(observation.text, `${source}, ${where}`), b.meta(tags), ...kept];
  }
  const how =
    observation.source === 'not_applicable'
      ? KIND_LABELS[observation.kind]
      : `${KIND_LABELS[observation.kind]}, from a ${source}`;
  return [
    b.paragraph([b.run(observation.text)], { keepNext: true }),
    b.meta([`${how}, ${where}`, ...tags]),
    ...kept,
  ];
}

/** What the round found, in words that agree with every count (0, 1, 2 or 1,254). */
export function glanceSentence(counts: {
  observations: number;
  areas: number;
  bySentiment: readonly string[];
  quotes: number;
  actions: number;
}): string {
  const { observations, areas, quotes } = counts;
  const where = areas === 0 ? '' : ` in ${count(areas, 'area')}`;
  const raised = `${count(counts.actions, 'action was', 'actions were')} raised`;
  if (observations === 0) return `The team made no observations${where}, and ${raised}.`;
  const split = counts.bySentiment.length > 0 ? `: ${listInWords(counts.bySentiment)}` : '';
  let words: string;
  if (observations === 1) {
    words = quotes === 1 ? 'It is in the person’s own words' : 'It is not a direct quote';
  } else if (quotes === 0) {
    words = 'None are in people’s own words';
  } else if (quotes === observations) {
    words = `${observations === 2 ? 'Both' : 'All'} are in people’s own words`;
  } else {
    words = `${number(quotes)} ${quotes === 1 ? 'is' : 'are'} in people’s own words`;
  }
  return `The team made ${count(observations, 'observation')}${where}${split}. ${words}, and ${raised}.`;
}

function atAGlance(b: Blocks, model: RoundSummaryModel): FileChild[] {
  const counts = new Map<string, number>();
  for (const o of model.observations)
    counts.set(o.sentiment ?? 'unrated', (counts.get(o.sentiment ?? 'unrated') ?? 0) + 1);
  const bySentiment = SENTIMENT_ORDER.filter((s) => (counts.get(s) ?? 0) > 0).map(
    (s) => `${number(counts.get(s) ?? 0)} ${SENTIMENT_LABELS_TEXT[s].toLowerCase()}`,
  );
  const quotes = model.observations.filter((o) => o.kind === 'quote').length;
  const summary = glanceSentence({
    observations: model.observations.length,
    areas: model.areasVisited.length,
    bySentiment,
    quotes,
    actions: model.actions.length,
  });
  const rows = model.areasVisited.map((area) => {
    const here = model.observations.filter((o) => o.area === area);
    const count = (s: string) => here.filter((o) => (o.sentiment ?? 'unrated') === s).length;
    return [area, here.length, count('positive'), count('neutral'), count('mixed'), count('negative')];
  });
  return [
    b.heading(2, 'At a glance'),
    b.paragraph(summary),
    ...b.dataTable({
      caption: 'Observations by area and sentiment',
      columns: [
        { header: 'Area', weight: 4 },
        { header: 'Total', weight: 1.5, align: 'right' },
        { header: 'Positive', weight: 1.6, align: 'right' },
        { header: 'Neutral', weight: 1.6, align: 'right' },
        { header: 'Mixed', weight: 1.5, align: 'right' },
        { header: 'Negative', weight: 1.7, align: 'right' },
      ],
      rows,
    }),
  ];
}

export function actionsTable(b: Blocks, caption: string, actions: readonly ActionModel[]): FileChild[] {
  return b.dataTable({
    caption,
    columns: [
      { header: 'You said', weight: 4 },
      { header: 'We will', weight: 4.2 },
      { header: 'Owner', weight: 2.4 },
      { header: 'Due', weight: 2 },
      { header: 'Status', weight: 1.9 },
    ],
    rows: actions.map((a) => [
      a.youSaid,
      a.weWill,
      `${a.owner}, ${a.area}`,
      a.due === null ? 'Not set' : formatShortDate(a.due),
      ACTION_STATUS_LABELS[a.status],
    ]),
  });
}

export function roundSummaryChildren(model: RoundSummaryModel): FileChild[] {
  const b = createBlocks(STANDARD_SCALE, 'portrait');
  const team = model.team.map((m) => `${m.name} (${ROLE_LABELS[m.role]})`);
  const children: FileChild[] = [
    ...b.titleBlock(
      model.organisation,
      model.title,
      'Patient experience round summary for the Patient Experience and Inclusion Group',
    ),
    b.fact('Date', model.time === null ? formatDate(model.date) : `${formatDate(model.date)}, ${model.time}`),
    b.fact('Site', model.site),
    b.fact('Areas visited', listInWords(model.areasVisited)),
    ...(model.templateName === null ? [] : [b.fact('Questions used', model.templateName)]),
    b.fact('Visiting team', team.length > 0 ? listInWords(team) : 'Not recorded'),
    ...atAGlance(b, model),
    b.heading(2, 'What we saw and heard'),
  ];
  if (model.observations.length === 0)
    children.push(b.paragraph('No observations were recorded on this round.'));
  for (const [theme, observations] of groupByTheme(model.observations)) {
    children.push(b.heading(3, `${theme} (${observations.length})`));
    for (const observation of observations) children.push(...observationBlocks(b, observation));
  }
  children.push(b.heading(2, 'Actions raised'));
  if (model.actions.length === 0) children.push(b.paragraph('No actions were raised on this round.'));
  else children.push(...actionsTable(b, 'Actions raised on this round', model.actions));
  children.push(...b.signOffBlock(model.signOff, model.fileName));
  return children;
}

export async function buildRoundSummaryDocx(model: RoundSummaryModel): Promise<Buffer> {
  const document = buildDocument({
    documentType: 'round_summary',
    title: model.title,
    subject: `Patient experience round summary, ${model.site}, ${formatDate(model.date)}, for the Patient Experience and Inclusion Group`,
    keywords: ['patient experience', 'round summary', 'PEIG', model.site],
    base: model,
    orientation: 'portrait',
    scale: STANDARD_SCALE,
    children: roundSummaryChildren(model),
  });
  return packDocx(document);
}
