import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawBar, scaleMaximum, scaleTicks } from './bar-chart';
import { createRaster, encodePng, fillRect } from './encode-png';

type Chunk = { type: string; data: Buffer };

/** Reads a PNG back chunk by chunk, checking every CRC, as an image viewer would. */
function readPng(png: Buffer): { width: number; height: number; pixels: Buffer; chunks: string[] } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks: Chunk[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(typeAndData) >>> 0);
    chunks.push({ type: typeAndData.subarray(0, 4).toString('latin1'), data: typeAndData.subarray(4) });
    at += 12 + length;
  }
  const header = chunks[0]?.data as Buffer;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  expect([header[8], header[9], header[12]]).toEqual([8, 2, 0]);
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const pixels = Buffer.alloc(width * height * 3);
  for (let row = 0; row < height; row += 1) {
    expect(raw[row * (width * 3 + 1)]).toBe(0);
    raw.copy(pixels, row * width * 3, row * (width * 3 + 1) + 1, (row + 1) * (width * 3 + 1));
  }
  return { width, height, pixels, chunks: chunks.map((c) => c.type) };
}

describe('encodePng', () => {
  it('writes a valid RGB PNG whose pixels read back exactly', () => {
    const raster = createRaster(7, 5, 'FFFFFF');
    fillRect(raster, 2, 1, 3, 2, '005EB8');
    const png = readPng(encodePng(raster));
    expect(png.chunks).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    expect({ width: png.width, height: png.height }).toEqual({ width: 7, height: 5 });
    expect(png.pixels.equals(Buffer.from(raster.pixels))).toBe(true);
    const at = (1 * 7 + 2) * 3;
    expect([...png.pixels.subarray(at, at + 3)]).toEqual([0x00, 0x5e, 0xb8]);
  });

  it('clips rectangles to the image and refuses impossible sizes', () => {
    const raster = createRaster(4, 4);
    fillRect(raster, -10, -10, 100, 100, '000000');
    expect(raster.pixels.every((v) => v === 0)).toBe(true);
    expect(() => createRaster(0, 10)).toThrow(RangeError);
  });
});

describe('drawBar', () => {
  it('draws bars in proportion on a round scale, with grid lines at the quarters', () => {
    expect([0, 3, 7, 31, 52, 154, 5000].map(scaleMaximum)).toEqual([4, 4, 8, 40, 80, 200, 8000]);
    expect(scaleTicks(20)).toEqual([0, 5, 10, 15, 20]);
    const blueRun = (value: number) => {
      const png = readPng(drawBar([{ value, colour: '005EB8' }], 20, { width: 300, height: 14 }).png);
      const y = Math.floor(png.height / 2);
      let count = 0;
      for (let x = 0; x < png.width; x += 1) if (png.pixels[(y * png.width + x) * 3 + 2] === 0xb8) count += 1;
      return count;
    };
    expect(blueRun(10) / blueRun(5)).toBeCloseTo(2, 1);
    expect(blueRun(0)).toBe(0);
  });
});
