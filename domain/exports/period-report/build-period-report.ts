import type { FileChild } from 'docx';
import { createBlocks, type Blocks } from '../blocks';
import { buildDocument, packDocx } from '../document-frame';
import { count, countAtStart, howManyOf, number } from '../count-words';
import { formatDate, SOURCE_LABELS } from '../../documents/document-labels';
import { STANDARD_SCALE } from '../nhs-style';
import { actionsTable } from '../round-summary/build-round-summary';
import { actionsChart, equalityChart, themesChart } from './period-charts';
import type { PeriodReportModel, StoriesLeftOut, StoryLeftOutReason } from './period-report-model';

// The quarterly (or any period's) report to PEIG: where the board went, what people said by
// theme and sentiment, which groups were heard and which were not, people's own words, the
// stories, and whether actions are getting done.

function keyMessages(model: PeriodReportModel): string[] {
  const messages: string[] = [];
  const total = (t: PeriodReportModel['themesBySentiment'][number]) =>
    Object.values(t.counts).reduce((sum, n) => sum + n, 0);
  const themes = model.themesBySentiment.filter((t) => total(t) > 0);
  const busiest = [...themes].sort((a, b) => total(b) - total(a))[0];
  if (busiest) messages.push(`Most observations were about ${busiest.theme} (${number(total(busiest))}).`);
  const worst = [...themes]
    .filter((t) => total(t) >= 10)
    .sort((a, b) => b.counts.negative / total(b) - a.counts.negative / total(a))[0];
  if (worst && worst.counts.negative > 0) {
    const share = Math.round((100 * worst.counts.negative) / total(worst));
    messages.push(`${worst.theme} had the largest share of negative observations (${share}%).`);
  }
  const never = model.equality.neverHeardFrom.length;
  messages.push(
    never === 0
      ? 'We heard from every equality group we track.'
      : `We did not hear from ${never === model.equality.groups.length ? 'any' : never} of the ${model.equality.groups.length} equality groups we track (listed in the equality section).`,
  );
  const overdue = model.actions.counts.overdue;
  if (overdue > 0)
    messages.push(`${number(overdue)} ${overdue === 1 ? 'action is' : 'actions are'} overdue.`);
  return messages;
}

const LEFT_OUT_WHY: Record<StoryLeftOutReason, { one: string; many: string }> = {
  consent_not_peig: {
    one: 'its consent does not cover PEIG',
    many: 'their consent does not cover PEIG',
  },
  consent_review_passed: {
    one: 'its consent is past its review date',
    many: 'their consent is past its review date',
  },
  no_consent: { one: 'it has no consent on record', many: 'they have no consent on record' },
};

/** "1 approved story is not included: its consent does not cover PEIG." */
export function leftOutSentence({ reason, count: n }: StoriesLeftOut): string {
  const why = LEFT_OUT_WHY[reason];
  return n === 1
    ? `1 approved story is not included: ${why.one}.`
    : `${number(n)} approved stories are not included: ${why.many}.`;
}

/** What the visiting teams did in the period, in words that agree with every count. */
export function activitySentences(model: PeriodReportModel): string {
  const { totals } = model;
  const { counts } = model.actions;
  const between =
    model.from === model.to
      ? `On ${formatDate(model.from)}, the visiting teams`
      : `Between ${formatDate(model.from)} and ${formatDate(model.to)}, the visiting teams`;
  let rounds: string;
  if (totals.rounds === 0) rounds = `${between} held no rounds.`;
  else {
    const quotes =
      totals.observations === 0
        ? ''
        : totals.observations === 1
          ? totals.quotes === 1
            ? ', in the person’s own words'
            : ', not a direct quote'
          : `, ${howManyOf(totals.quotes, totals.observations)} in people’s own words`;
    rounds =
      `${between} held ${count(totals.rounds, 'round')} in ${count(totals.areas, 'area')} ` +
      `and recorded ${count(totals.observations, 'observation')}${quotes}.`;
  }
  const approved = totals.stories + model.storiesLeftOut.reduce((sum, l) => sum + l.count, 0);
  const stories = `${countAtStart(approved, 'patient story was', 'patient stories were')} approved.`;
  const done = counts.done + counts.fed_back;
  const raised = countAtStart(counts.raised, 'action was', 'actions were') + ' raised';
  let actions: string;
  if (done === 0) actions = counts.raised === 0 ? `${raised}.` : `${raised}; none is done yet.`;
  else if (done === 1) {
    actions =
      counts.fed_back === 1
        ? `${raised}; 1 is done and was fed back to the people who raised it.`
        : `${raised}; 1 is done, not yet fed back to the people who raised it.`;
  } else {
    const fed =
      counts.fed_back === 0
        ? 'none of them fed back yet'
        : `${howManyOf(counts.fed_back, done)} fed back to the people who raised them`;
    actions = `${raised}; ${number(done)} are done, ${fed}.`;
  }
  return [rounds, stories, ...model.storiesLeftOut.map(leftOutSentence), actions].join(' ');
}

function summary(b: Blocks, model: PeriodReportModel): FileChild[] {
  return [
    b.heading(2, 'Summary'),
    b.paragraph(activitySentences(model)),
    b.paragraph(coverageText(model)),
    ...b.bullets(keyMessages(model)),
  ];
}

/** Whose rounds these are: one laptop's, or several brought together from PEIG bundles. */
function coverageText(model: PeriodReportModel): string {
  const { laptops, contributors } = model.coverage;
  const rounds = count(model.totals.rounds, 'round');
  if (contributors.length === 0) return `It covers ${rounds} recorded on one laptop.`;
  return (
    `It covers ${rounds} from ${count(laptops, 'laptop')}, each counted once: ` +
    `contributed by ${contributors.join(', ')} in signed bundles${laptops > contributors.length ? ', and recorded on this laptop' : ''}.`
  );
}

function areasSection(b: Blocks, model: PeriodReportModel, table: number): FileChild[] {
  return [
    b.heading(2, 'Rounds and areas visited'),
    ...b.dataTable({
      caption: `Table ${table}: areas visited, most visited first`,
      columns: [
        { header: 'Area', weight: 6 },
        { header: 'Rounds', weight: 2, align: 'right' },
        { header: 'Observations', weight: 2.6, align: 'right' },
      ],
      rows: model.areas.map((a) => [a.area, number(a.visits), number(a.observations)]),
    }),
  ];
}

function equalitySection(b: Blocks, model: PeriodReportModel): FileChild[] {
  const { equality } = model;
  const share =
    model.totals.observations === 0
      ? 0
      : Math.round((100 * equality.taggedObservations) / model.totals.observations);
  return [
    b.heading(2, 'Equality: who we heard from'),
    b.paragraph(
      (equality.taggedObservations === 0
        ? 'No observation was tagged with an equality group. '
        : `${countAtStart(equality.taggedObservations, 'observation was', 'observations were')} (${share}%) tagged with at least one equality group. `) +
        `Counts from 1 to ${equality.threshold - 1} are shown as “fewer than ${equality.threshold}” so that no one can be identified.`,
    ),
    ...equalityChart(b, model, { figure: 2, table: 3 }),
    b.heading(3, 'Groups we did not hear from'),
    ...(equality.neverHeardFrom.length === 0
      ? [b.paragraph('We heard from every group we track in this period.')]
      : [
          b.paragraph(
            'No observation in the period was tagged with these groups. PEIG may wish to ask how to reach them:',
          ),
          ...b.bullets(equality.neverHeardFrom),
        ]),
  ];
}

function voicesSection(b: Blocks, model: PeriodReportModel): FileChild[] {
  const children: FileChild[] = [b.heading(2, 'In their own words')];
  if (model.notableQuotes.length === 0)
    children.push(b.paragraph('No quotes with consent to share were recorded in this period.'));
  for (const q of model.notableQuotes) {
    children.push(
      ...b.insetQuote(
        q.text,
        [SOURCE_LABELS[q.source], q.area, q.theme ?? ''].filter((p) => p.length > 0).join(', '),
      ),
    );
  }
  children.push(b.heading(2, 'Patient stories'));
  if (model.stories.length === 0 && model.storiesLeftOut.length === 0)
    children.push(b.paragraph('No patient stories were approved in this period.'));
  else if (model.stories.length === 0)
    children.push(b.paragraph('No story approved in this period may be shared with PEIG.'));
  for (const leftOut of model.storiesLeftOut) children.push(b.paragraph(leftOutSentence(leftOut)));
  for (const story of model.stories) {
    children.push(
      b.heading(3, story.title),
      b.paragraph(story.summary, { keepNext: true }),
      b.meta([
        `Told by a ${SOURCE_LABELS[story.storytellerType]}`,
        story.themes.length > 0 ? `Themes: ${story.themes.join(', ')}` : '',
      ]),
    );
  }
  return children;
}

export function periodReportChildren(model: PeriodReportModel): FileChild[] {
  const b = createBlocks(STANDARD_SCALE, 'portrait');
  return [
    ...b.titleBlock(model.organisation, model.title, 'Report to the Patient Experience and Inclusion Group'),
    b.fact(
      'Period',
      model.from === model.to
        ? formatDate(model.from)
        : `${formatDate(model.from)} to ${formatDate(model.to)}`,
    ),
    b.fact('Covers', model.site ?? 'All sites'),
    b.fact('Prepared and signed by', `${model.signOff.signerName} (${model.signOff.signerRole})`),
    ...summary(b, model),
    ...areasSection(b, model, 1),
    b.heading(2, 'Themes and sentiment'),
    ...themesChart(b, model, { figure: 1, table: 2 }),
    ...equalitySection(b, model),
    ...voicesSection(b, model),
    b.heading(2, 'Actions: you said, we did'),
    ...actionsChart(b, model, { figure: 3, table: 4 }),
    b.heading(3, 'Overdue actions'),
    ...(model.actions.overdue.length === 0
      ? [b.paragraph('No actions are overdue.')]
      : actionsTable(b, 'Table 5: overdue actions, oldest first', model.actions.overdue)),
    ...b.signOffBlock(model.signOff, model.fileName),
  ];
}

export async function buildPeriodReportDocx(model: PeriodReportModel): Promise<Buffer> {
  const document = buildDocument({
    documentType: 'period_report',
    title: model.title,
    subject: `Patient experience report to the Patient Experience and Inclusion Group for ${model.periodLabel}`,
    keywords: [
      'patient experience',
      'PEIG',
      'period report',
      model.periodLabel,
      ...(model.site ? [model.site] : []),
    ],
    base: model,
    orientation: 'portrait',
    scale: STANDARD_SCALE,
    children: periodReportChildren(model),
  });
  return packDocx(document);
}
