// `npx tsx scripts/render-export-pngs.ts [--dpi 60] [--keep DIR]`: builds and signs one sample of
// each export kind, converts them with LibreOffice and writes the first page of each as a PNG
// to docs/exports/, for the README. The samples are the fixtures the tests use, signed with a
// fixed sample key, so the images change only when the documents' look changes.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sampleExports } from '../domain/exports/fixtures/sample-exports';
import { sampleIdentity } from '../domain/exports/fixtures/sample-identity';
import { createSignedExport } from '../domain/exports/signed-export';
import { convertToPdf, firstPagePng, hasCommand } from './libreoffice-pdf';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'docs', 'exports');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const dpi = Number(option('--dpi') ?? 60);
const keep = option('--keep');
if (!Number.isInteger(dpi) || dpi < 20 || dpi > 600) {
  console.error('render-export-pngs: --dpi takes a whole number from 20 to 600.');
  process.exit(2);
}

for (const command of ['soffice', 'pdftoppm']) {
  if (!hasCommand(command)) {
    console.error(
      `render-export-pngs: '${command}' is not installed (apt-get install libreoffice-writer-nogui poppler-utils).`,
    );
    process.exit(2);
  }
}

const identity = sampleIdentity();
const work = keep ?? mkdtempSync(join(tmpdir(), 'px-rounds-render-'));
mkdirSync(work, { recursive: true });
mkdirSync(outDir, { recursive: true });
try {
  const files: string[] = [];
  for (const { name, request } of sampleExports(identity.keyId)) {
    const signed = await createSignedExport(request, { identity, appVersion: version });
    const file = join(work, `${name}.docx`);
    writeFileSync(file, signed.bytes);
    files.push(file);
  }
  const pdfs = await convertToPdf(files, work);
  for (const pdf of pdfs) {
    const name = pdf.replace(/^.*\//, '').replace(/\.pdf$/, '');
    await firstPagePng(pdf, join(outDir, name), dpi);
    console.log(`wrote docs/exports/${name}.png`);
  }
} finally {
  if (keep === undefined) rmSync(work, { recursive: true, force: true });
}
