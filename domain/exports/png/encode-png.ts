import { crc32, deflateSync } from 'node:zlib';

// Charts in exports are PNGs drawn here, rectangle by rectangle, rather than SVG: Word 2016 and
// later show SVG, but LibreOffice, older Word, Word's own PDF export and print drivers each
// treat it differently and fall back to the PNG anyway; one PNG renders the same everywhere.
// Text stays out of the image: each bar's label, figure and the scale are Word text in the
// chart's own table (see period-report/chart-table.ts), where screen readers, search and
// copy-paste can reach them, and the full figures are in the data table after it.

export type Raster = {
  width: number;
  height: number;
  /** RGB, 3 bytes a pixel, rows top to bottom. */
  pixels: Uint8Array;
};

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.replace(/^#/, ''), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

export function createRaster(width: number, height: number, background = 'FFFFFF'): Raster {
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 1 ||
    height < 1 ||
    width * height > 16_000_000
  ) {
    throw new RangeError(`A chart of ${width} by ${height} pixels is not possible.`);
  }
  const raster = { width, height, pixels: new Uint8Array(width * height * 3) };
  fillRect(raster, 0, 0, width, height, background);
  return raster;
}

/** Paints a rectangle of the raster in one colour: x and y of its top left, then its size. */
type RectPainter = (
  raster: Raster,
  x: number,
  y: number,
  width: number,
  height: number,
  colour: string,
) => void;

/** Fills the rectangle, clipped to the raster; fractional edges are rounded. */
export const fillRect: RectPainter = (raster, x, y, width, height, colour) =>
  paintRect(raster, { x, y, width, height }, colour, () => true);

/** Paints the pixels of the rectangle (clipped to the raster, edges rounded) that `covers` picks. */
function paintRect(
  raster: Raster,
  rect: { x: number; y: number; width: number; height: number },
  colour: string,
  covers: (column: number, row: number) => boolean,
): void {
  const [r, g, b] = rgb(colour);
  const left = Math.max(0, Math.round(rect.x));
  const top = Math.max(0, Math.round(rect.y));
  const right = Math.min(raster.width, Math.round(rect.x + rect.width));
  const bottom = Math.min(raster.height, Math.round(rect.y + rect.height));
  for (let row = top; row < bottom; row += 1) {
    for (let column = left; column < right; column += 1) {
      if (!covers(column, row)) continue;
      const at = (row * raster.width + column) * 3;
      raster.pixels[at] = r;
      raster.pixels[at + 1] = g;
      raster.pixels[at + 2] = b;
    }
  }
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An 8-bit RGB PNG, no interlace, each row with filter 0 (flat colours deflate well without filtering). */
export function encodePng(raster: Raster, dotsPerInch = 192): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(raster.width, 0);
  header.writeUInt32BE(raster.height, 4);
  header[8] = 8;
  header[9] = 2;
  const stride = raster.width * 3;
  const filtered = Buffer.alloc((stride + 1) * raster.height);
  for (let row = 0; row < raster.height; row += 1) {
    filtered[row * (stride + 1)] = 0;
    filtered.set(raster.pixels.subarray(row * stride, (row + 1) * stride), row * (stride + 1) + 1);
  }
  // pHYs: the intended print resolution, so an image editor shows the chart at its true size.
  const physical = Buffer.alloc(9);
  const perMetre = Math.round(dotsPerInch / 0.0254);
  physical.writeUInt32BE(perMetre, 0);
  physical.writeUInt32BE(perMetre, 4);
  physical[8] = 1;
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('pHYs', physical),
    chunk('IDAT', deflateSync(filtered, { level: 6 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
