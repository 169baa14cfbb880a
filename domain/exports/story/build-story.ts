import type { FileChild } from 'docx';
import { createBlocks } from '../blocks';
import { buildDocument, packDocx } from '../document-frame';
import {
  equalityText,
  formatDate,
  SENTIMENT_LABELS_TEXT,
  SOURCE_LABELS,
  ukDate,
} from '../../documents/document-labels';
import { STANDARD_SCALE } from '../nhs-style';
import { assertStoryMayBeExported, scopesInWords } from './story-consent';
import type { StoryModel } from './story-model';

// A patient or carer story for PEIG, told as the storyteller approved it. Who told it is
// described by type ("a patient") unless the consent allows a name and the model gives one.

const capitalise = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

export function storyChildren(model: StoryModel): FileChild[] {
  assertStoryMayBeExported(model, ukDate(model.signOff.signedAt));
  const b = createBlocks(STANDARD_SCALE, 'portrait');
  const type = SOURCE_LABELS[model.storytellerType];
  const teller = model.storytellerName === null ? article(type) : `${model.storytellerName}, ${type}`;
  const attribution = model.storytellerName === null ? `${type}, in their own words` : model.storytellerName;
  const { consent } = model;
  const paragraphs = model.narrative
    .split(/\n\s*\n/u)
    .map((p) => p.replace(/\s*\n\s*/gu, ' ').trim())
    .filter((p) => p.length > 0);

  const children: FileChild[] = [
    ...b.titleBlock(
      model.organisation,
      model.title,
      'Patient story for the Patient Experience and Inclusion Group',
    ),
    b.fact('Told by', model.storytellerName === null ? `${capitalise(article(type))} (anonymised)` : teller),
    b.fact('Written up by', `${model.author.name} (${model.author.role})`),
    b.fact('Read back and approved', `${formatDate(model.readBackOn)}, by the storyteller`),
    b.heading(2, 'The story'),
    ...paragraphs.map((p) => b.paragraph(p)),
  ];
  if (model.keyQuotes.length > 0) {
    children.push(b.heading(2, 'In their own words'));
    for (const quote of model.keyQuotes) children.push(...b.insetQuote(quote, attribution));
  }
  if (model.learningPoints.length > 0) {
    children.push(b.heading(2, 'What we can learn'), ...b.bullets(model.learningPoints));
  }
  children.push(
    b.heading(2, 'Themes and equality'),
    b.fact('Themes', model.themes.length > 0 ? model.themes.join(', ') : 'None recorded'),
    b.fact('Equality', model.equality.length > 0 ? equalityText(model.equality) : 'None recorded'),
    b.fact('Sentiment', SENTIMENT_LABELS_TEXT[model.sentiment ?? 'unrated']),
    b.heading(2, 'Consent'),
    b.fact('Given', `${formatDate(consent.givenOn)} (${consent.howGiven})`),
    b.fact('May be shared with', scopesInWords(consent.scopes)),
    b.fact(
      'Anonymised',
      consent.anonymised
        ? 'Yes: the storyteller is not named, and details that could identify them have been removed'
        : 'No: the storyteller agreed to be named',
    ),
    b.fact('Consent to be reviewed by', formatDate(consent.reviewOn)),
    ...b.signOffBlock(model.signOff, model.fileName),
  );
  return children;
}

export async function buildStoryDocx(model: StoryModel): Promise<Buffer> {
  const children = storyChildren(model);
  const document = buildDocument({
    documentType: 'story',
    title: model.title,
    subject: `Patient story told by ${article(SOURCE_LABELS[model.storytellerType])}, for the Patient Experience and Inclusion Group`,
    keywords: ['patient experience', 'patient story', 'PEIG', ...model.themes],
    base: model,
    orientation: 'portrait',
    scale: STANDARD_SCALE,
    children,
  });
  return packDocx(document);
}
