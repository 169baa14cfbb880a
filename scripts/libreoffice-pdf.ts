import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

// LibreOffice and poppler from the command line, shared by the export tests and the script that
// renders the docs images. Each conversion gets a fresh LibreOffice profile folder: two
// soffice processes sharing the default profile wait on each other's lock, or fail outright.

const run = promisify(execFile);

export function hasCommand(command: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => dir.length > 0 && existsSync(join(dir, command)));
}

/** Converts .docx files to PDF in `outDir` (one soffice start for all of them); returns the PDF paths. */
export async function convertToPdf(files: readonly string[], outDir: string): Promise<string[]> {
  const profile = await mkdtemp(join(tmpdir(), 'px-rounds-lo-profile-'));
  try {
    await run(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        ...files,
      ],
      { timeout: 180_000 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const pdfs = files.map((file) => join(outDir, basename(file).replace(/\.docx$/i, '.pdf')));
  const missing = pdfs.filter((pdf) => !existsSync(pdf));
  if (missing.length > 0) throw new Error(`LibreOffice did not produce ${missing.join(', ')}`);
  return pdfs;
}

/** The PDF's text in reading order, with every run of white space (line wraps included) as one space. */
export async function pdfText(pdf: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.replace(/\s+/g, ' ');
}

export async function pdfPageCount(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? 0);
}

/**
 * How far down each page its body text reaches, as a share of the space between the top and
 * bottom margins (`margin` points each, 2 cm by default): 1 is a full page, 0.3 a page that is
 * 70% blank. Words in the header and footer (inside the margins) are not counted.
 */
export async function pdfPageFill(pdf: string, margin = 56.7): Promise<number[]> {
  const { stdout } = await run('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return [...stdout.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => {
    const height = Number(page[1]);
    const bottoms = [...(page[2] ?? '').matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)]
      .map((word) => ({ top: Number(word[1]), bottom: Number(word[2]) }))
      .filter((word) => word.top > margin && word.bottom < height - margin)
      .map((word) => word.bottom);
    return bottoms.length === 0 ? 0 : (Math.max(...bottoms) - margin) / (height - 2 * margin);
  });
}

/** Renders the first page of `pdf` to `pngPath` (without the .png, as pdftoppm wants it). */
export async function firstPagePng(pdf: string, pngPathWithoutExtension: string, dpi = 60): Promise<void> {
  await run('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-singlefile',
    '-f',
    '1',
    '-l',
    '1',
    pdf,
    pngPathWithoutExtension,
  ]);
}
