import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  Paragraph,
  TableRow,
  TextRun,
  type ParagraphChild,
} from 'docx';
import { formatFingerprint } from '../signing/signing-keys';
import type { SignOffModel } from './export-models';
import { formatDateTime } from '../documents/document-labels';
import { COLOURS, contentWidth, halfPoints, type TypeScale } from './nhs-style';
import { fixedLayoutTable, fixedWidthCell, solidFill } from './table-parts';

// The building blocks every export is made of, sized for one type scale and page orientation,
// so a poster's table is large print because the poster asked for large-print blocks, not
// because each builder remembered to.

export type Orientation = 'portrait' | 'landscape';

export type Column = {
  header: string;
  /** Share of the table's width; shares are relative to each other. */
  weight: number;
  align?: 'left' | 'right';
};

export type CellValue = string | number | { text: string; bold?: boolean };

export type DataTableOptions = {
  /** Printed above the table; null for a table that explains itself (a poster's). */
  caption: string | null;
  columns: readonly Column[];
  rows: readonly (readonly CellValue[])[];
};

/** How the signer is named everywhere the document mentions the signature. */
export function signerLine(signOff: SignOffModel): string {
  return signOff.signerRole.trim().length > 0
    ? `${signOff.signerName} (${signOff.signerRole})`
    : signOff.signerName;
}

export function verifyInstruction(fileName: string | undefined): string {
  return `Verify with PX Rounds or: npx px-rounds verify ${fileName ?? 'FILE'}`;
}

/**
 * What every block is sized by: the type scale, the text width in twentieths of a point, and the
 * run and heading makers in that scale, shared so every block's text looks the same.
 */
type Frame = { scale: TypeScale; width: number; run: RunMaker; heading: HeadingMaker };

type RunOptions = { bold?: boolean; italics?: boolean; colour?: string; size?: number };
type RunMaker = (text: string, options?: RunOptions) => TextRun;
type HeadingMaker = (level: 1 | 2 | 3, text: string) => Paragraph;

export function createBlocks(scale: TypeScale, orientation: Orientation) {
  const run: RunMaker = (text, options = {}) =>
    new TextRun({
      text,
      bold: options.bold,
      italics: options.italics,
      color: options.colour,
      size: options.size === undefined ? undefined : halfPoints(options.size),
    });
  const heading: HeadingMaker = (level, text) =>
    new Paragraph({
      heading:
        level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
      children: [run(text)],
    });
  const frame: Frame = { scale, width: contentWidth(orientation), run, heading };
  return {
    run,
    heading,
    ...textBlocks(frame),
    ...bandBlocks(frame),
    dataTable: tableBlock(frame),
    ...figureBlocks(frame),
    signOffBlock: signOffBlock(frame),
  };
}

/** Paragraphs of body text: plain, an item's grey details, a labelled fact, a bulleted list. */
function textBlocks({ scale, run }: Frame) {
  const paragraph = (children: string | ParagraphChild[], options: { keepNext?: boolean } = {}) =>
    new Paragraph({
      children: typeof children === 'string' ? [run(children)] : children,
      keepNext: options.keepNext,
    });

  /** Grey, smaller text under an item: its tags, its source, its date. */
  const meta = (parts: readonly string[]) =>
    new Paragraph({
      spacing: { before: 0, after: halfPoints(scale.body) * 6 },
      children: [
        run(parts.filter((p) => p.length > 0).join('  ·  '), {
          colour: COLOURS.secondaryText,
          size: scale.small,
        }),
      ],
    });

  /** Label and value on one line: "Date  12 November 2025". */
  const fact = (label: string, value: string) =>
    new Paragraph({
      spacing: { after: halfPoints(scale.body) * 2 },
      children: [run(`${label}: `, { bold: true }), run(value)],
    });

  const bullets = (items: readonly string[]) =>
    items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [run(item)] }));

  return { paragraph, meta, fact, bullets };
}

/** Blocks set apart from the text: the title band and a quoted voice. */
function bandBlocks({ scale, run, heading }: Frame) {
  /** Title band: the trust's name, the title (Heading 1), what the document is, a blue rule. */
  const titleBlock = (organisation: string, title: string, subtitle: string) => [
    new Paragraph({
      spacing: { after: halfPoints(scale.body) * 4 },
      children: [
        run(organisation.toUpperCase(), { bold: true, colour: COLOURS.secondaryText, size: scale.small }),
      ],
    }),
    heading(1, title),
    new Paragraph({
      spacing: { after: halfPoints(scale.body) * 10 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 24, color: COLOURS.nhsBlue, space: 8 } },
      children: [run(subtitle, { colour: COLOURS.secondaryText, size: scale.heading3 })],
    }),
  ];

  /** NHS "inset text": a quote set apart by a blue bar, with who said it underneath. */
  const insetQuote = (text: string, attribution: string) => {
    const bar = { style: BorderStyle.SINGLE, size: 48, color: COLOURS.nhsBlue, space: 12 };
    return [
      new Paragraph({
        indent: { left: 360 },
        border: { left: bar },
        shading: solidFill(COLOURS.paleBlue),
        spacing: { before: halfPoints(scale.body) * 4, after: 0 },
        keepNext: true,
        children: [run(`“${text}”`, { size: scale.heading3 })],
      }),
      new Paragraph({
        indent: { left: 360 },
        border: { left: bar },
        shading: solidFill(COLOURS.paleBlue),
        spacing: { after: halfPoints(scale.body) * 8 },
        children: [run(`— ${attribution}`, { colour: COLOURS.secondaryText, size: scale.small })],
      }),
    ];
  };

  return { titleBlock, insetQuote };
}

/** The data table, its cells sized by each column's share of the text width. */
function tableBlock({ scale, width, run }: Frame) {
  // Cell padding in twentieths of a point: half a character either side, a little above and below.
  const cellPadding = { side: scale.table * 10, topBottom: scale.table * 4 };
  const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: COLOURS.grey4 };
  const cell = (value: CellValue, column: Column, header: boolean, weightTotal: number, shaded: boolean) => {
    const content = typeof value === 'object' ? value : { text: String(value) };
    const children = [
      run(content.text, {
        bold: header || content.bold,
        colour: header ? COLOURS.white : undefined,
        size: scale.table,
      }),
    ];
    return fixedWidthCell({
      width: Math.round((width * column.weight) / weightTotal),
      fill: header ? COLOURS.nhsBlue : shaded ? COLOURS.grey5 : undefined,
      margins: {
        top: cellPadding.topBottom,
        bottom: cellPadding.topBottom,
        left: cellPadding.side,
        right: cellPadding.side,
      },
      children: [
        new Paragraph({
          spacing: { after: 0 },
          alignment: column.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children,
        }),
      ],
    });
  };

  /**
   * A captioned table whose header row repeats on every page (`tableHeader`), in NHS blue with
   * white text, body rows banded and kept whole across page breaks.
   */
  const dataTable = ({ caption, columns, rows }: DataTableOptions) => {
    const total = columns.reduce((sum, c) => sum + c.weight, 0);
    const columnWidths = columns.map((c) => Math.round((width * c.weight) / total));
    return [
      ...(caption === null
        ? []
        : [new Paragraph({ style: 'Caption', keepNext: true, children: [run(caption)] })]),
      fixedLayoutTable({
        width,
        columnWidths,
        borders: {
          top: cellBorder,
          bottom: cellBorder,
          left: cellBorder,
          right: cellBorder,
          insideHorizontal: cellBorder,
          insideVertical: cellBorder,
        },
        rows: [
          new TableRow({
            tableHeader: true,
            cantSplit: true,
            children: columns.map((c) => cell(c.header, c, true, total, false)),
          }),
          ...rows.map(
            (values, index) =>
              new TableRow({
                cantSplit: true,
                children: columns.map((c, i) => cell(values[i] ?? '', c, false, total, index % 2 === 1)),
              }),
          ),
        ],
      }),
      new Paragraph({ spacing: { after: 0, line: 240 }, children: [] }),
    ];
  };

  return dataTable;
}

/** A chart and its colour key. */
function figureBlocks({ scale, run }: Frame) {
  /** A chart's colour key as text: "■ Positive  ■ Negative". */
  const legend = (items: readonly { label: string; colour: string }[]) =>
    new Paragraph({
      keepNext: true,
      spacing: { after: halfPoints(scale.body) * 3 },
      children: items.flatMap((item) => [
        run('■ ', { colour: item.colour, size: scale.heading3 }),
        run(`${item.label}    `, { size: scale.small }),
      ]),
    });

  return { legend };
}

/** The signer's attestation in a shaded box: what they confirm, who, when, with which key. */
function signOffBlock({ scale, run, heading }: Frame) {
  return (signOff: SignOffModel, fileName: string | undefined) => {
    const box = { style: BorderStyle.SINGLE, size: 6, color: COLOURS.grey4, space: 6 };
    const border = { top: box, bottom: box, right: box, left: { ...box, size: 48, color: COLOURS.nhsBlue } };
    const shading = solidFill(COLOURS.grey5);
    const line = (children: ParagraphChild[], after = 80) =>
      new Paragraph({
        border,
        shading,
        keepNext: true,
        keepLines: true,
        indent: { left: 200, right: 200 },
        spacing: { after },
        children,
      });
    return [
      heading(2, 'Sign-off'),
      line([run(signOff.attestation)], 160),
      line([run('Signed by: ', { bold: true }), run(signerLine(signOff))]),
      line([run('Signed on: ', { bold: true }), run(`${formatDateTime(signOff.signedAt)} (UK time)`)]),
      line([
        run('Key fingerprint: ', { bold: true }),
        run(formatFingerprint(signOff.keyId), { size: scale.small }),
      ]),
      new Paragraph({
        border,
        shading,
        keepLines: true,
        indent: { left: 200, right: 200 },
        children: [
          run(
            `This document carries a digital signature, so any change to it after signing can be detected. ${verifyInstruction(fileName)}`,
            { colour: COLOURS.secondaryText, size: scale.small },
          ),
        ],
      }),
    ];
  };
}

export type Blocks = ReturnType<typeof createBlocks>;
