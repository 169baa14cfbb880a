import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  Paragraph,
  TableRow,
  TabStopType,
  TextRun,
  type Table,
} from 'docx';
import { number } from '../count-words';
import { COLOURS, contentWidth, halfPoints, STANDARD_SCALE } from '../nhs-style';
import { fixedLayoutTable, fixedWidthCell } from '../table-parts';
import { BAR_PADDING, drawBar, scaleMaximum, scaleTicks, type BarSegment } from '../png/bar-chart';

// A bar chart that stands on its own in Word, LibreOffice and print: a table with one row per
// category, its label in words, its bar, and its figure, under a header row that carries the
// scale (0 and each quarter, as text over the bars' grid lines) and repeats on every page. The
// rows may break across pages like any table, so a long chart never leaves a page half empty.
// A figure that is suppressed ("fewer than 5") is printed so, with no bar at all: a bar would
// give away more than the words, or (drawn at the threshold) make the smallest groups look big.

export type ChartRow = {
  label: string;
  /** Empty for a row with nothing to draw (zero, or suppressed). */
  segments: readonly BarSegment[];
  /** The figure as printed at the end of the row: "147", "None", "fewer than 5". */
  figure: string;
  /** Set when the figure may not be drawn (small-number suppression). */
  suppressed?: boolean;
};

export type ChartOptions = {
  /** Heading of the label column, e.g. "Theme". */
  categoryHeader: string;
  /** Heading of the figure column, e.g. "Observations". */
  figureHeader: string;
  rows: readonly ChartRow[];
};

const WEIGHTS = { label: 3.3, bar: 4.7, figure: 2 } as const;
const TWIPS_PER_PIXEL = 15;
const BAR_HEIGHT = 16;

export function chartTable({ categoryHeader, figureHeader, rows }: ChartOptions): Table {
  const scale = STANDARD_SCALE;
  const width = contentWidth('portrait');
  const total = WEIGHTS.label + WEIGHTS.bar + WEIGHTS.figure;
  const labelWidth = Math.round((width * WEIGHTS.label) / total);
  const barWidth = Math.round((width * WEIGHTS.bar) / total);
  const figureWidth = width - labelWidth - barWidth;
  const barPixels = Math.floor(barWidth / TWIPS_PER_PIXEL);
  const maximum = scaleMaximum(
    Math.max(0, ...rows.map((r) => r.segments.reduce((sum, s) => sum + Math.max(0, s.value), 0))),
  );
  const side = scale.table * 10;
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const line = { style: BorderStyle.SINGLE, size: 4, color: COLOURS.grey4 };
  const text = (value: string, options: { bold?: boolean; italics?: boolean; colour?: string } = {}) =>
    new TextRun({
      text: value,
      bold: options.bold,
      italics: options.italics,
      color: options.colour,
      size: halfPoints(scale.table),
    });
  const cell = (
    cellWidth: number,
    children: Paragraph[],
    options: { padded?: boolean; shaded?: boolean } = {},
  ) =>
    fixedWidthCell({
      width: cellWidth,
      fill: options.shaded ? COLOURS.grey5 : undefined,
      margins:
        options.padded === false
          ? { top: 20, bottom: 20, left: 0, right: 0 }
          : { top: 20, bottom: 20, left: side, right: side },
      children,
    });
  const plain = (children: TextRun[], align: 'left' | 'right' = 'left') =>
    new Paragraph({
      spacing: { after: 0, before: 0 },
      alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      children,
    });

  // The scale's numbers sit over the grid lines: "0" at the axis, then a centred tab stop at
  // each quarter and a right tab at the end, measured from the bar picture's left edge.
  const plot = (barPixels - 2 * BAR_PADDING) * TWIPS_PER_PIXEL;
  const axis = BAR_PADDING * TWIPS_PER_PIXEL;
  const ticks = scaleTicks(maximum).map(number);
  const scaleLine = new Paragraph({
    spacing: { after: 0, before: 0 },
    indent: { left: Math.max(0, axis - 50) },
    tabStops: [
      { type: TabStopType.CENTER, position: axis + plot / 4 },
      { type: TabStopType.CENTER, position: axis + plot / 2 },
      { type: TabStopType.CENTER, position: axis + (plot * 3) / 4 },
      { type: TabStopType.RIGHT, position: 2 * axis + plot },
    ],
    children: [text(ticks.join('\t'), { colour: COLOURS.secondaryText })],
  });

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell(labelWidth, [plain([text(categoryHeader, { bold: true })])]),
      cell(barWidth, [scaleLine], { padded: false }),
      cell(figureWidth, [plain([text(figureHeader, { bold: true })], 'right')]),
    ],
  });

  const body = rows.map((row, index) => {
    const shaded = index % 2 === 1;
    const drawn = row.suppressed || row.segments.every((s) => s.value <= 0) ? null : row;
    const bar = drawn
      ? new Paragraph({
          spacing: { after: 0, before: 0 },
          children: [
            new ImageRun({
              type: 'png',
              data: drawBar(drawn.segments, maximum, { width: barPixels, height: BAR_HEIGHT }).png,
              transformation: { width: barPixels, height: BAR_HEIGHT },
              altText: {
                name: `Bar: ${row.label}`,
                title: `Bar: ${row.label}`,
                description: `Bar for ${row.label}: ${row.figure}, on a scale of 0 to ${number(maximum)}.`,
              },
            }),
          ],
        })
      : new Paragraph({
          spacing: { after: 0, before: 0 },
          indent: { left: axis + 60 },
          children: [
            text(row.suppressed ? 'not drawn: too few to show' : '', {
              italics: true,
              colour: COLOURS.secondaryText,
            }),
          ],
        });
    return new TableRow({
      cantSplit: true,
      children: [
        cell(labelWidth, [plain([text(row.label)])], { shaded }),
        cell(barWidth, [bar], { padded: false, shaded }),
        cell(figureWidth, [plain([text(row.figure, { bold: row.suppressed === true })], 'right')], {
          shaded,
        }),
      ],
    });
  });

  return fixedLayoutTable({
    width,
    columnWidths: [labelWidth, barWidth, figureWidth],
    borders: {
      top: line,
      bottom: line,
      left: none,
      right: none,
      insideHorizontal: none,
      insideVertical: none,
    },
    rows: [header, ...body],
  });
}
