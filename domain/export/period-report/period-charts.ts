import type { FileChild } from 'docx';
import { shownCount } from '../../insights/small-numbers';
import type { Blocks, DataTableOptions } from '../blocks';
import { number } from '../count-words';
import { ACTION_STATUS_LABELS, SENTIMENT_LABELS_TEXT, SENTIMENT_ORDER } from '../labels';
import { COLOURS } from '../nhs-style';
import { drawBarChart, type BarChartRow } from '../png/bar-chart';
import type { PeriodReportModel } from './period-report-model';

// Each chart in the period report is an image with alt text, a colour key in text, then the
// table with every figure. The alt text says what the chart shows and where the figures are;
// the table is the accessible version of the chart, not an afterthought.

const SENTIMENT_COLOURS = {
  positive: COLOURS.positive,
  neutral: COLOURS.neutral,
  mixed: COLOURS.mixed,
  negative: COLOURS.negative,
  unrated: COLOURS.unrated,
} as const;

type Figure = { figure: number; table: number };

function chartWithTable(
  b: Blocks,
  numbering: Figure,
  chart: { rows: BarChartRow[]; title: string; summary: string; legend: { label: string; colour: string }[] },
  table: DataTableOptions & { caption: string },
): FileChild[] {
  const drawn = drawBarChart(chart.rows);
  const tableName = `Table ${numbering.table}`;
  return [
    b.image(drawn.png, drawn, {
      title: `Figure ${numbering.figure}: ${chart.title}`,
      description: `${chart.summary} Every figure is in ${tableName}, which follows the chart.`,
    }),
    b.paragraph([
      b.run(`Figure ${numbering.figure}: ${chart.title}. `, { bold: true }),
      b.run(`The bars are in the same order as the rows of ${tableName} below.`),
    ]),
    b.legend(chart.legend),
    ...b.dataTable({ ...table, caption: `${tableName}: ${table.caption}` }),
  ];
}

export function themesChart(b: Blocks, model: PeriodReportModel, numbering: Figure): FileChild[] {
  const rows = model.themesBySentiment;
  const total = (counts: (typeof rows)[number]['counts']) =>
    SENTIMENT_ORDER.reduce((sum, s) => sum + counts[s], 0);
  const busiest = [...rows].sort((a, b2) => total(b2.counts) - total(a.counts))[0];
  return chartWithTable(
    b,
    numbering,
    {
      title: 'Observations by theme and sentiment',
      summary:
        `Stacked horizontal bar chart of observations for each of ${rows.length} themes, split by sentiment. ` +
        (busiest
          ? `The most observations were about ${busiest.theme} (${number(total(busiest.counts))}).`
          : ''),
      legend: SENTIMENT_ORDER.map((s) => ({ label: SENTIMENT_LABELS_TEXT[s], colour: SENTIMENT_COLOURS[s] })),
      rows: rows.map((r) => ({
        segments: SENTIMENT_ORDER.map((s) => ({ value: r.counts[s], colour: SENTIMENT_COLOURS[s] })),
      })),
    },
    {
      caption: 'observations by theme and sentiment (an observation with two themes counts under both)',
      columns: [
        { header: 'Theme', weight: 4.2 },
        ...SENTIMENT_ORDER.map((s) => ({
          header: SENTIMENT_LABELS_TEXT[s],
          weight: 1.75,
          align: 'right' as const,
        })),
        { header: 'Total', weight: 1.4, align: 'right' },
      ],
      rows: rows.map((r) => [
        r.theme,
        ...SENTIMENT_ORDER.map((s) => number(r.counts[s])),
        { text: number(total(r.counts)), bold: true },
      ]),
    },
  );
}

export function equalityChart(b: Blocks, model: PeriodReportModel, numbering: Figure): FileChild[] {
  const { groups, threshold } = model.equality;
  const suppressed = (n: number) => n > 0 && n < threshold;
  return chartWithTable(
    b,
    numbering,
    {
      title: 'Observations tagged with each equality group',
      summary:
        `Horizontal bar chart with one bar for each of ${groups.length} equality groups. ` +
        `${model.equality.neverHeardFrom.length} groups have only a red mark because nobody from them was heard from. ` +
        `Hatched bars stand for fewer than ${threshold} observations, shown as a range so that no one can be identified.`,
      legend: [
        { label: 'Observations', colour: COLOURS.nhsBlue },
        { label: `Fewer than ${threshold} (hatched)`, colour: COLOURS.secondaryText },
        { label: 'None (red mark)', colour: COLOURS.negative },
      ],
      rows: groups.map((g) => ({
        zeroMarker: COLOURS.negative,
        segments: [
          suppressed(g.observations)
            ? { value: g.observations, colour: COLOURS.secondaryText, suppressedBelow: threshold }
            : { value: g.observations, colour: COLOURS.nhsBlue },
        ],
      })),
    },
    {
      caption: `observations tagged with each equality group (1 to ${threshold - 1} shown as “fewer than ${threshold}”)`,
      columns: [
        { header: 'Equality group', weight: 6 },
        { header: 'Observations', weight: 2.4, align: 'right' },
      ],
      rows: groups.map((g) => [
        g.group,
        g.observations === 0 ? { text: 'None', bold: true } : shownCount(g.observations, threshold),
      ]),
    },
  );
}

export function actionsChart(b: Blocks, model: PeriodReportModel, numbering: Figure): FileChild[] {
  const { counts } = model.actions;
  const rows = [
    { label: 'Raised in the period', value: counts.raised, colour: COLOURS.nhsDarkBlue },
    { label: ACTION_STATUS_LABELS.open, value: counts.open, colour: COLOURS.nhsBlue },
    { label: ACTION_STATUS_LABELS.in_progress, value: counts.in_progress, colour: COLOURS.nhsBlue },
    { label: ACTION_STATUS_LABELS.done, value: counts.done, colour: COLOURS.positive },
    { label: ACTION_STATUS_LABELS.fed_back, value: counts.fed_back, colour: COLOURS.positive },
    { label: 'Overdue', value: counts.overdue, colour: COLOURS.negative },
  ];
  return chartWithTable(
    b,
    numbering,
    {
      title: 'Actions by status',
      summary: `Horizontal bar chart of actions: ${rows.map((r) => `${r.label.toLowerCase()} ${number(r.value)}`).join(', ')}.`,
      legend: [
        { label: 'Raised', colour: COLOURS.nhsDarkBlue },
        { label: 'Open or in progress', colour: COLOURS.nhsBlue },
        { label: 'Done', colour: COLOURS.positive },
        { label: 'Overdue', colour: COLOURS.negative },
      ],
      rows: rows.map((r) => ({ segments: [{ value: r.value, colour: r.colour }] })),
    },
    {
      caption: 'actions by status at the end of the period',
      columns: [
        { header: 'Status', weight: 6 },
        { header: 'Actions', weight: 2.4, align: 'right' },
      ],
      rows: rows.map((r) => [r.label, number(r.value)]),
    },
  );
}
