import { AlignmentType, Paragraph, type FileChild } from 'docx';
import { AppError } from '../../../ipc/errors';
import { checkPlainLanguage } from '../../plain-language/check-plain-language';
import { createBlocks } from '../blocks';
import { buildDocument, packDocx } from '../document-frame';
import { COLOURS, POSTER_LANDSCAPE_SCALE, POSTER_PORTRAIT_SCALE, type TypeScale } from '../nhs-style';
import { MAX_POSTER_ITEMS, type PosterModel } from './poster-model';

// The public face of the trust's promise to "publish You said, we did". Large print (nothing
// under 18 pt, see POSTER_PORTRAIT_SCALE) and plain words: the builder runs the plain-language
// check over everything the poster says and refuses to make it while any jargon or
// abbreviation is left unexplained.

export type UnplainTerm = { term: string; written: string; suggestion: string | null };

export class PlainLanguageRefusal extends AppError {
  readonly terms: readonly UnplainTerm[];

  constructor(terms: readonly UnplainTerm[]) {
    const list = terms
      .map((t) => (t.suggestion === null ? `"${t.written}"` : `"${t.written}" (try: ${t.suggestion})`))
      .join('; ');
    super(
      'validation',
      `The poster uses words that many readers will not know. Replace them, or explain each in brackets the first time it appears: ${list}.`,
      'items',
    );
    this.name = 'PlainLanguageRefusal';
    this.terms = terms;
  }
}

const DEFAULT_TITLE = 'You said, we did';

const posterScale = (model: PosterModel): TypeScale =>
  model.orientation === 'portrait' ? POSTER_PORTRAIT_SCALE : POSTER_LANDSCAPE_SCALE;

/** Everything the poster says, in reading order, as one text: explaining a term once explains it. */
export function posterText(model: PosterModel): string {
  return [
    model.title ?? DEFAULT_TITLE,
    model.scope,
    ...model.items.flatMap((item) => [item.youSaid, item.weDid]),
    model.closing,
  ].join('\n\n');
}

/** The terms that stop the poster, first use of each; empty when it may be made. */
export function unplainTerms(model: PosterModel): UnplainTerm[] {
  const report = checkPlainLanguage(posterText(model));
  const seen = new Set<string>();
  const terms: UnplainTerm[] = [];
  const add = (term: string, written: string, suggestion: string | null) => {
    if (seen.has(term)) return;
    seen.add(term);
    terms.push({ term, written, suggestion });
  };
  for (const finding of report.findings)
    if (!finding.explained) add(finding.term, finding.text, finding.plain);
  for (const abbreviation of report.unexplainedAbbreviations) add(abbreviation.term, abbreviation.term, null);
  return terms;
}

export function posterChildren(model: PosterModel): FileChild[] {
  if (model.items.length === 0 || model.items.length > MAX_POSTER_ITEMS) {
    throw new AppError('validation', `A poster needs between 1 and ${MAX_POSTER_ITEMS} items.`, 'items');
  }
  const terms = unplainTerms(model);
  if (terms.length > 0) throw new PlainLanguageRefusal(terms);

  const scale = posterScale(model);
  const b = createBlocks(scale, model.orientation);
  return [
    new Paragraph({
      spacing: { after: 120 },
      children: [b.run(model.organisation, { bold: true, colour: COLOURS.secondaryText, size: scale.small })],
    }),
    b.heading(1, model.title ?? DEFAULT_TITLE),
    new Paragraph({
      spacing: { after: scale.body * 10 },
      children: [b.run(model.scope, { bold: true, colour: COLOURS.nhsDarkBlue, size: scale.heading3 })],
    }),
    ...b.dataTable({
      caption: null,
      columns: [
        { header: 'You said', weight: 1 },
        { header: 'We did', weight: 1.25 },
      ],
      rows: model.items.map((item) => [item.youSaid, { text: item.weDid, bold: true }]),
    }),
    new Paragraph({
      alignment: AlignmentType.LEFT,
      spacing: { before: scale.body * 10 },
      children: [b.run(model.closing, { bold: true, colour: COLOURS.nhsBlue })],
    }),
  ];
}

export async function buildPosterDocx(model: PosterModel): Promise<Buffer> {
  const children = posterChildren(model);
  const document = buildDocument({
    documentType: 'you_said_we_did',
    title: `${model.title ?? DEFAULT_TITLE}: ${model.scope}`,
    subject: `"You said, we did" poster for ${model.scope}, ${model.orientation === 'landscape' ? 'landscape for screens' : 'portrait A4 for noticeboards'}`,
    keywords: ['you said we did', 'patient experience', model.scope],
    base: model,
    orientation: model.orientation,
    scale: posterScale(model),
    children,
  });
  return packDocx(document);
}
