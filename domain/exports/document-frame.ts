import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type FileChild,
} from 'docx';
import { signerLine, verifyInstruction, type Orientation } from './blocks';
import type { DocumentType } from '../documents/document-types';
import type { DocumentBase, SecurityMarking } from './export-models';
import { DOCUMENT_TYPE_LABELS } from '../documents/document-labels';
import { COLOURS, documentStyles, halfPoints, PAGE, THEME, type TypeScale } from './nhs-style';

// What every export has around its content: A4 pages, the security marking at the top of
// every page, a footer that names the signer, says how to verify and numbers the pages (not on
// posters, see isForPublicDisplay), and
// document properties (title, author, subject) that Windows Explorer, SharePoint and screen
// readers show.

export type FrameOptions = {
  documentType: DocumentType;
  title: string;
  /** One sentence for the Subject property: what this document is and who it is for. */
  subject: string;
  keywords: readonly string[];
  base: DocumentBase;
  orientation: Orientation;
  scale: TypeScale;
  children: readonly FileChild[];
};

function header(marking: string, scale: TypeScale): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: marking, bold: true, size: halfPoints(scale.headerFooter + 1) })],
      }),
    ],
  });
}

function footer(base: DocumentBase, scale: TypeScale): Footer {
  const size = halfPoints(scale.headerFooter);
  const colour = COLOURS.secondaryText;
  // Two lines: who signed and how to verify, then the page number. One line with a separator
  // wrapped with the dot left dangling at its end.
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 0 },
        children: [
          new TextRun({
            text: `Signed by ${signerLine(base.signOff)}. ${verifyInstruction(base.fileName)}`,
            size,
            color: colour,
          }),
        ],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 0 },
        // No-break spaces keep "Page 1 of 3" together.
        children: [
          new TextRun({
            children: ['Page\u00A0', PageNumber.CURRENT, '\u00A0of\u00A0', PageNumber.TOTAL_PAGES],
            size,
          }),
        ],
      }),
    ],
  });
}

/**
 * A poster goes on a public noticeboard: it carries the marking for information released to
 * the public, and no signer or command line in large print. How to check its signature is in
 * its document properties (Description) and in the app, where the people who check it look.
 */
const isForPublicDisplay = (type: DocumentType) => type === 'you_said_we_did';

export function defaultMarking(type: DocumentType): SecurityMarking {
  return isForPublicDisplay(type) ? 'OFFICIAL' : 'OFFICIAL-SENSITIVE';
}

export function buildDocument(options: FrameOptions): Document {
  const { base, scale } = options;
  const marking = base.marking ?? defaultMarking(options.documentType);
  const landscape = options.orientation === 'landscape';
  const publicDisplay = isForPublicDisplay(options.documentType);
  return new Document({
    title: options.title,
    subject: options.subject,
    creator: base.signOff.signerName,
    lastModifiedBy: base.signOff.signerName,
    description: `${DOCUMENT_TYPE_LABELS[options.documentType]} signed with PX Rounds by ${signerLine(base.signOff)}. ${verifyInstruction(base.fileName)}`,
    keywords: options.keywords.join('; '),
    styles: documentStyles(scale),
    theme: THEME,
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height itself when the orientation is landscape.
            size: {
              width: PAGE.width,
              height: PAGE.height,
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            // A screen in landscape has little height to spare, so the top and bottom margins shrink.
            margin: {
              top: landscape ? PAGE.landscapeTopBottom : PAGE.margin,
              bottom: landscape ? PAGE.landscapeTopBottom : PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
              header: landscape ? 397 : 567,
              footer: landscape ? 340 : 454,
            },
          },
        },
        headers: { default: header(marking, scale) },
        ...(publicDisplay ? {} : { footers: { default: footer(base, scale) } }),
        children: options.children,
      },
    ],
  });
}

export async function packDocx(document: Document): Promise<Buffer> {
  return Packer.toBuffer(document);
}
