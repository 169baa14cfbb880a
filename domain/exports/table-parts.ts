// What every table in the documents is built from: cells of a fixed width in twips, their
// content centred vertically, on a solid fill or none; and tables laid out at fixed column
// widths, so Word, LibreOffice and print draw them the same.
import {
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  VerticalAlignTable,
  WidthType,
  type ITableBordersOptions,
  type Paragraph,
  type TableRow,
} from 'docx';

/** A solid fill, for a cell or a paragraph. */
export const solidFill = (fill: string) => ({ type: ShadingType.CLEAR, fill, color: 'auto' });

export type CellMargins = { top: number; bottom: number; left: number; right: number };

export function fixedWidthCell(options: {
  width: number;
  /** The fill's colour; no fill when left out. */
  fill?: string | undefined;
  margins: CellMargins;
  children: Paragraph[];
}): TableCell {
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    shading: options.fill === undefined ? undefined : solidFill(options.fill),
    margins: options.margins,
    children: options.children,
  });
}

export function fixedLayoutTable(options: {
  width: number;
  columnWidths: number[];
  borders: ITableBordersOptions;
  rows: TableRow[];
}): Table {
  return new Table({
    width: { size: options.width, type: WidthType.DXA },
    columnWidths: options.columnWidths,
    layout: TableLayoutType.FIXED,
    borders: options.borders,
    rows: options.rows,
  });
}
