import { createRaster, encodePng, fillRect, hatchRect } from './encode-png';

// Horizontal bar charts for the period report, one bar per row of the data table that follows
// the chart, in the same order and with the same banding, so the eye can run from a bar to its
// row. Stacked segments take the colours shown beside the table's column headings.

export type BarSegment = {
  value: number;
  colour: string;
  /**
   * Shown only as "fewer than N" (small-number suppression): drawn as a hatched bar reaching N,
   * so the picture gives away no more than the table does.
   */
  suppressedBelow?: number;
};

export type BarChartRow = {
  segments: readonly BarSegment[];
  /** A small square at the axis in this colour, for a row whose zero is the point ("nobody heard"). */
  zeroMarker?: string;
};

export type DrawnChart = { png: Buffer; width: number; height: number };

const SCALE = 2;
const ROW_HEIGHT = 26 * SCALE;
const BAR_HEIGHT = 16 * SCALE;
const PADDING = 10 * SCALE;
const BAND = 'F0F4F5';
const GRID = 'D8DDE0';
const AXIS = '4C6272';

const segmentLength = (s: BarSegment) => (s.suppressedBelow !== undefined ? s.suppressedBelow : s.value);

/** A nice round maximum for the scale: 1, 2, 2.5 or 5 times a power of ten. */
export function niceMaximum(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Draws the chart at twice its display width (`displayWidth` px at 96 dpi) for sharp printing. */
export function drawBarChart(rows: readonly BarChartRow[], displayWidth = 600): DrawnChart {
  const width = displayWidth * SCALE;
  const height = PADDING * 2 + Math.max(1, rows.length) * ROW_HEIGHT;
  const raster = createRaster(width, height);
  const plotLeft = PADDING;
  const plotWidth = width - PADDING * 2;
  const maximum = niceMaximum(
    Math.max(0, ...rows.map((r) => r.segments.reduce((sum, s) => sum + segmentLength(s), 0))),
  );

  rows.forEach((_, index) => {
    if (index % 2 === 1) fillRect(raster, 0, PADDING + index * ROW_HEIGHT, width, ROW_HEIGHT, BAND);
  });
  for (let quarter = 1; quarter <= 4; quarter += 1) {
    fillRect(raster, plotLeft + (plotWidth * quarter) / 4 - 1, PADDING, 2, height - PADDING * 2, GRID);
  }
  rows.forEach((row, index) => {
    const top = PADDING + index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
    let x = plotLeft;
    const total = row.segments.reduce((sum, s) => sum + segmentLength(s), 0);
    if (total === 0 && row.zeroMarker !== undefined) {
      fillRect(raster, plotLeft + 4, top + BAR_HEIGHT / 4, BAR_HEIGHT / 2, BAR_HEIGHT / 2, row.zeroMarker);
    }
    for (const segment of row.segments) {
      const length = (plotWidth * segmentLength(segment)) / maximum;
      if (length <= 0) continue;
      if (segment.suppressedBelow !== undefined) {
        fillRect(raster, x, top, length, BAR_HEIGHT, 'FFFFFF');
        hatchRect(raster, x, top, length, BAR_HEIGHT, segment.colour);
        fillRect(raster, x, top, length, 2, segment.colour);
        fillRect(raster, x, top + BAR_HEIGHT - 2, length, 2, segment.colour);
      } else {
        fillRect(raster, x, top, Math.max(2, length), BAR_HEIGHT, segment.colour);
      }
      x += length;
    }
  });
  fillRect(raster, plotLeft - 1, PADDING - 4, 3, height - PADDING * 2 + 8, AXIS);
  return { png: encodePng(raster), width, height };
}
