import { Paragraph, type FileChild } from 'docx';
import { shownCount } from '../../insights/small-numbers';
import type { Blocks, DataTableOptions } from '../blocks';
import { number } from '../count-words';
import {
  ACTION_STATUS_LABELS,
  SENTIMENT_LABELS_TEXT,
  SENTIMENT_ORDER,
} from '../../documents/document-labels';
import { COLOURS } from '../nhs-style';
import { chartTable, type ChartOptions } from './chart-table';
import type { PeriodReportModel } from './period-report-model';

// Each chart in the period report stands on its own: its caption, a colour key in text, and the
// chart itself as a table of labelled bars on a scale (chart-table.ts). Then the table with
// every figure, for screen readers and for anyone who wants the numbers.

const SENTIMENT_COLOURS = {
  positive: COLOURS.positive,
  neutral: COLOURS.neutral,
  mixed: COLOURS.mixed,
  negative: COLOURS.negative,
  unrated: COLOURS.unrated,
} as const;

type Figure = { figure: number; table: number };

type Chart = ChartOptions & {
  title: string;
  /** The chart's key, in text: each colour and what it stands for. */
  legend: { label: string; colour: string }[];
  /** What the key says beyond the colours, e.g. how suppressed figures are shown. */
  note?: string;
};

function chartWithTable(
  b: Blocks,
  numbering: Figure,
  chart: Chart,
  table: DataTableOptions & { caption: string },
): FileChild[] {
  return [
    new Paragraph({
      style: 'Caption',
      keepNext: true,
      children: [b.run(`Figure ${numbering.figure}: ${chart.title}`)],
    }),
    b.legend(chart.legend),
    ...(chart.note ? [b.paragraph([b.run(chart.note, { size: 11 })], { keepNext: true })] : []),
    chartTable(chart),
    new Paragraph({ spacing: { after: 0, line: 240 }, children: [] }),
    ...b.dataTable({ ...table, caption: `Table ${numbering.table}: ${table.caption}` }),
  ];
}

export function themesChart(b: Blocks, model: PeriodReportModel, numbering: Figure): FileChild[] {
  const rows = model.themesBySentiment;
  const total = (counts: (typeof rows)[number]['counts']) =>
    SENTIMENT_ORDER.reduce((sum, s) => sum + counts[s], 0);
  return chartWithTable(
    b,
    numbering,
    {
      title: 'Observations by theme and sentiment',
      categoryHeader: 'Theme',
      figureHeader: 'Total',
      legend: SENTIMENT_ORDER.map((s) => ({ label: SENTIMENT_LABELS_TEXT[s], colour: SENTIMENT_COLOURS[s] })),
      rows: rows.map((r) => ({
        label: r.theme,
        figure: number(total(r.counts)),
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
  const figure = (n: number) => (n === 0 ? 'None' : shownCount(n, threshold));
  return chartWithTable(
    b,
    numbering,
    {
      title: 'Observations tagged with each equality group',
      categoryHeader: 'Equality group',
      figureHeader: 'Observations',
      legend: [{ label: 'Observations', colour: COLOURS.nhsBlue }],
      note: `A group with fewer than ${threshold} observations has no bar: its figure is shown only as “fewer than ${threshold}” so that no one can be identified.`,
      rows: groups.map((g) => ({
        label: g.group,
        figure: figure(g.observations),
        suppressed: suppressed(g.observations),
        segments: suppressed(g.observations) ? [] : [{ value: g.observations, colour: COLOURS.nhsBlue }],
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
      categoryHeader: 'Status',
      figureHeader: 'Actions',
      legend: [
        { label: 'Raised', colour: COLOURS.nhsDarkBlue },
        { label: 'Open or in progress', colour: COLOURS.nhsBlue },
        { label: 'Done', colour: COLOURS.positive },
        { label: 'Overdue', colour: COLOURS.negative },
      ],
      rows: rows.map((r) => ({
        label: r.label,
        figure: number(r.value),
        segments: [{ value: r.value, colour: r.colour }],
      })),
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
