import { beforeAll, describe, expect, it } from 'vitest';
import { verifySignedDocx } from '../signing/verify-export';
import { docxParts, paragraphTexts } from './fixtures/docx-parts';
import { sampleExports } from './fixtures/sample-exports';
import { sampleIdentity } from './fixtures/sample-identity';
import { createSignedExport, exportTitle } from './signed-export';

// The quality bar every export meets, read from the generated XML: NHS typography and colours,
// real headings, repeating table headers, alt text, document properties, the security marking,
// page numbers and the footer that says how to verify.

const identity = sampleIdentity();
const samples = sampleExports(identity.keyId);
const built = new Map<string, { parts: Record<string, string>; bytes: Buffer }>();

beforeAll(async () => {
  for (const { name, request } of samples) {
    const signed = await createSignedExport(request, { identity, appVersion: '0.1.0' });
    built.set(name, { parts: docxParts(signed.bytes), bytes: signed.bytes });
  }
});

const part = (name: string, partName: string) => {
  const xml = built.get(name)?.parts[partName];
  if (xml === undefined) throw new Error(`${name} has no ${partName}`);
  return xml;
};

const styleXml = (styles: string, id: string) =>
  new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';

describe.each(samples.map((s) => [s.name, s] as const))('the %s export', (name, sample) => {
  it('is signed and verifies', () => {
    expect(verifySignedDocx(built.get(name)?.bytes ?? Buffer.alloc(0), [])).toMatchObject({
      valid: true,
      problems: [],
    });
  });

  it('is set in Arial (the NHS font for Office documents) in NHS text colour, theme fonts included', () => {
    const styles = part(name, 'word/styles.xml');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toMatch(/<w:rFonts w:ascii="Arial" w:cs="Arial" w:eastAsia="Arial" w:hAnsi="Arial"\/>/);
    expect(defaults).toContain('<w:color w:val="212B32"/>');
    const fonts = new Set(
      ['word/styles.xml', 'word/document.xml', 'word/header1.xml', 'word/footer1.xml'].flatMap((p) =>
        [...(built.get(name)?.parts[p] ?? '').matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)].map(
          (m) => m[1],
        ),
      ),
    );
    expect([...fonts]).toEqual(['Arial']);
    const theme = part(name, 'word/theme/theme1.xml');
    expect(theme).toMatch(/<a:majorFont><a:latin typeface="Arial"/);
    expect(theme).toMatch(/<a:minorFont><a:latin typeface="Arial"/);
  });

  it('uses real heading styles in NHS Blue, so Word’s navigation pane lists the sections', () => {
    const styles = part(name, 'word/styles.xml');
    for (const id of ['Heading1', 'Heading2', 'Heading3']) {
      expect(styleXml(styles, id)).toContain('<w:color w:val="005EB8"/>');
    }
    const document = part(name, 'word/document.xml');
    expect(document.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(1);
    if (!name.startsWith('poster')) expect(document).toContain('<w:pStyle w:val="Heading2"/>');
  });

  it('repeats the header row of every table on each page', () => {
    const tables = [...part(name, 'word/document.xml').matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)];
    // A story is prose; every other kind has tables.
    if (name !== 'story') expect(tables.length).toBeGreaterThan(0);
    for (const [table] of tables) {
      const firstRow = /<w:tr>[\s\S]*?<\/w:tr>/.exec(table)?.[0] ?? '';
      expect(firstRow).toContain('<w:tblHeader/>');
    }
  });

  it('gives every image alt text, and follows every chart with its data table', () => {
    const document = part(name, 'word/document.xml');
    const images = [...document.matchAll(/<wp:docPr [^>]*>/g)].map((m) => m[0]);
    for (const image of images) expect(/descr="([^"]{30,})"/.exec(image)).not.toBeNull();
    const tables = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const charts = tables.flatMap((t, i) => (t.includes('<w:drawing>') ? [i] : []));
    if (name === 'period-report') expect(charts).toHaveLength(3);
    for (const i of charts) expect(tables[i + 1]).not.toContain('<w:drawing>');
  });

  it('declares UK English, so spelling checks and screen readers read it as such', () => {
    const styles = part(name, 'word/styles.xml');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toMatch(/<w:lang w:val="en-GB"/);
    const declared = Object.entries(built.get(name)?.parts ?? {}).flatMap(([, xml]) =>
      [...xml.matchAll(/<w:lang w:val="([^"]+)"/g)].map((m) => m[1]),
    );
    expect(new Set(declared)).toEqual(new Set(['en-GB']));
  });

  it('has a title, author and subject in its document properties', () => {
    const core = part(name, 'docProps/core.xml');
    expect(core).toContain(`<dc:title>${exportTitle(sample.request).replace(/&/g, '&amp;')}</dc:title>`);
    expect(core).toContain('<dc:creator>Helen Adeyemi</dc:creator>');
    expect(/<dc:subject>([^<]{20,})<\/dc:subject>/.test(core)).toBe(true);
  });

  it('is marked at the top of every page: OFFICIAL for a poster on public display, else OFFICIAL-SENSITIVE', () => {
    expect(paragraphTexts(part(name, 'word/header1.xml'))).toEqual([
      name.startsWith('poster') ? 'OFFICIAL' : 'OFFICIAL-SENSITIVE',
    ]);
  });

  it('says how to verify in its document properties', () => {
    const core = part(name, 'docProps/core.xml');
    expect(core).toMatch(/<dc:description>[^<]*Verify with PX Rounds[^<]*<\/dc:description>/);
  });
});

describe.each(samples.filter((s) => !s.name.startsWith('poster')).map((s) => [s.name] as const))(
  'the %s export’s footer',
  (name) => {
    it('numbers the pages', () => {
      const footer = part(name, 'word/footer1.xml');
      expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    });

    it('names the signer in the footer and says how to verify', () => {
      const text = paragraphTexts(part(name, 'word/footer1.xml')).join(' ');
      expect(text).toContain('Signed by Helen Adeyemi (Non-Executive Director).');
      expect(text).toContain('Verify with PX Rounds or: npx px-rounds verify FILE');
    });
  },
);

describe('posters', () => {
  it.each(['poster-portrait', 'poster-landscape'])(
    '%s prints no signer, command line or page numbers for the public to read',
    (name) => {
      const printed = Object.entries(built.get(name)?.parts ?? {})
        .filter(([partName]) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(partName))
        .map(([, xml]) => paragraphTexts(xml).join(' '))
        .join(' ');
      expect(printed).not.toMatch(/npx|px-rounds verify|Signed by|Key fingerprint/);
      expect(built.get(name)?.parts['word/footer1.xml']).toBeUndefined();
    },
  );

  const sizes = (xml: string) => [...xml.matchAll(/<w:sz(?:Cs)? w:val="(\d+)"\/>/g)].map((m) => Number(m[1]));

  it.each(['poster-portrait', 'poster-landscape'])(
    '%s is 18 pt or larger everywhere, header and footer included',
    (name) => {
      const styles = part(name, 'word/styles.xml');
      const used = [
        /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '',
        ...['Heading1', 'Heading2', 'Heading3', 'Caption', 'ListParagraph'].map((id) => styleXml(styles, id)),
      ];
      const all = [...used, ...['word/document.xml', 'word/header1.xml'].map((p) => part(name, p))];
      const found = all.flatMap(sizes);
      expect(found.length).toBeGreaterThan(10);
      expect(Math.min(...found)).toBeGreaterThanOrEqual(36);
    },
  );

  it('comes in portrait A4 for noticeboards and landscape A4 for screens', () => {
    const page = (name: string) => /<w:pgSz [^>]*\/>/.exec(part(name, 'word/document.xml'))?.[0] ?? '';
    const size = (tag: string) => ({
      w: Number(/w:w="(\d+)"/.exec(tag)?.[1]),
      h: Number(/w:h="(\d+)"/.exec(tag)?.[1]),
    });
    expect(size(page('poster-portrait'))).toEqual({ w: 11906, h: 16838 });
    expect(size(page('poster-landscape'))).toEqual({ w: 16838, h: 11906 });
    expect(page('poster-landscape')).toContain('w:orient="landscape"');
  });
});
