import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { entryContent, entryFor, readZip, writeZip, ZipFormatError } from './zip-container';

const entries = [
  entryFor('[Content_Types].xml', Buffer.from('<Types/>')),
  entryFor('word/document.xml', Buffer.from('<w:document>hello hello hello</w:document>')),
  entryFor('px-rounds/signature.ed25519', Buffer.alloc(64, 7), 0),
];

describe('the canonical zip', () => {
  it('is an ordinary zip that another zip library reads', () => {
    const files = unzipSync(writeZip(entries));
    expect(Object.keys(files)).toEqual(entries.map((e) => e.name));
    expect(strFromU8(files['word/document.xml'] as Uint8Array)).toBe(
      '<w:document>hello hello hello</w:document>',
    );
  });

  it('reads back to the same entries and rewrites to the same bytes', () => {
    const bytes = writeZip(entries);
    const read = readZip(bytes);
    expect(read.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    expect(writeZip(read).equals(bytes)).toBe(true);
    expect(entryContent(read[1] as (typeof read)[number]).toString()).toContain('hello');
  });

  it('reads zips written by other tools', () => {
    const other = zipSync({ 'a.xml': Buffer.from('<a/>'), 'b/c.xml': Buffer.from('<c/>') }, { level: 9 });
    const read = readZip(other);
    expect(read.map((e) => entryContent(e).toString())).toEqual(['<a/>', '<c/>']);
    expect(writeZip(read).equals(Buffer.from(other))).toBe(false);
  });

  it('refuses a cut-short file, a duplicated name and a corrupted entry', () => {
    const bytes = writeZip(entries);
    expect(() => readZip(bytes.subarray(0, bytes.length - 30))).toThrow(ZipFormatError);
    expect(() => readZip(writeZip([...entries, entryFor('WORD/document.xml', Buffer.from('x'))]))).toThrow(
      /twice/,
    );
    const corrupted = Buffer.from(bytes);
    const at = corrupted.indexOf(Buffer.alloc(64, 7));
    corrupted[at] = 8;
    const signature = readZip(corrupted)[2];
    expect(() => entryContent(signature as NonNullable<typeof signature>)).toThrow(/checksum/);
  });
});
