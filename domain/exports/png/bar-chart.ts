import { createRaster, encodePng, fillRect } from './encode-png';

// One horizontal bar of a chart in the period report, drawn as a picture the width of the
// chart's bar column. Each bar sits in a row of the chart's table beside its label and figure,
// under a scale whose numbers are text; the picture carries only the bar and the scale's grid
// lines, at the same quarters as the numbers above it.

export type BarSegment = { value: number; colour: string };

export type DrawnBar = { png: Buffer; width: number; height: number };

/** Pixels drawn per pixel shown, for sharp print. */
export const BAR_SCALE = 2;
/** Space either side of the plot inside the picture, in pixels shown: the scale's numbers allow for it. */
export const BAR_PADDING = 6;
const GRID = 'D8DDE0';
const AXIS = '4C6272';

/**
 * The scale's maximum for bars up to `value`: four equal steps of 1, 2 or 5 times a power of
 * ten, so every mark on the scale is a whole, round number (0, 5, 10, 15, 20).
 */
export function scaleMaximum(value: number): number {
  const quarter = Math.max(1, value / 4);
  const power = 10 ** Math.floor(Math.log10(quarter));
  for (const step of [1, 2, 5, 10]) if (step * power >= quarter) return 4 * step * power;
  return 40 * power;
}

/** The values the scale marks: 0 and each quarter of the maximum. */
export function scaleTicks(maximum: number): number[] {
  return [0, 1, 2, 3, 4].map((quarter) => (maximum * quarter) / 4);
}

/**
 * A bar `width` by `height` pixels (as shown; drawn at BAR_SCALE times that), its segments laid
 * end to end on a scale from 0 to `maximum`, with grid lines at each quarter.
 */
export function drawBar(
  segments: readonly BarSegment[],
  maximum: number,
  size: { width: number; height: number },
): DrawnBar {
  const width = Math.round(size.width * BAR_SCALE);
  const height = Math.round(size.height * BAR_SCALE);
  const raster = createRaster(width, height);
  const left = BAR_PADDING * BAR_SCALE;
  const plot = width - 2 * left;
  for (let quarter = 1; quarter <= 4; quarter += 1) {
    fillRect(raster, left + (plot * quarter) / 4 - 1, 0, 2, height, GRID);
  }
  const barTop = Math.round(height * 0.15);
  const barHeight = height - 2 * barTop;
  let x = left;
  for (const segment of segments) {
    const length = (plot * Math.max(0, segment.value)) / maximum;
    if (length <= 0) continue;
    fillRect(raster, x, barTop, Math.max(2, length), barHeight, segment.colour);
    x += length;
  }
  fillRect(raster, left - 1, 0, 3, height, AXIS);
  return { png: encodePng(raster), width, height };
}
