import { LineRuleType, type IStylesOptions, type IThemeOptions } from 'docx';

// The NHS identity in Word terms. The NHS typeface is Frutiger, but it is licensed and almost
// no PC that opens these files has it: Word does not fall back through a list of fonts, it
// substitutes whatever it thinks is closest, so a document set in "Frutiger W01" comes out in
// a different font on every machine. The NHS identity guidelines name Arial as the font for
// Microsoft Office documents for exactly this reason, so every run is set in Arial (and
// LibreOffice maps Arial to the metric-compatible Liberation Sans, so line breaks match).

export const FONT = 'Arial';

/** The language every exported document declares. */
export const LANGUAGE = 'en-GB';

export const COLOURS = {
  nhsBlue: '005EB8',
  nhsDarkBlue: '003087',
  text: '212B32',
  secondaryText: '4C6272',
  white: 'FFFFFF',
  grey4: 'D8DDE0',
  grey5: 'F0F4F5',
  paleBlue: 'E8F1FA',
  positive: '007F3B',
  neutral: '768692',
  mixed: 'ED8B00',
  negative: 'D5281B',
  unrated: 'AEB7BD',
} as const;

/** Sizes in points; Word stores half-points, see `halfPoints`. */
export type TypeScale = {
  body: number;
  small: number;
  /** Text in tables: a step down from body text in reports, full size on posters. */
  table: number;
  title: number;
  heading2: number;
  heading3: number;
  headerFooter: number;
};

/** Documents read at a desk: 12 pt body, the NHS minimum for printed information. */
export const STANDARD_SCALE: TypeScale = {
  body: 12,
  small: 11,
  table: 11,
  title: 26,
  heading2: 18,
  heading3: 14,
  headerFooter: 10,
};

/** Posters read from across a corridor: nothing under 18 pt, headers and footers included. */
export const POSTER_PORTRAIT_SCALE: TypeScale = {
  body: 22,
  small: 18,
  table: 22,
  title: 48,
  heading2: 30,
  heading3: 26,
  headerFooter: 18,
};

/** A landscape screen has less height, so the text is a step smaller, still 18 pt or more. */
export const POSTER_LANDSCAPE_SCALE: TypeScale = {
  body: 20,
  small: 18,
  table: 20,
  title: 44,
  heading2: 28,
  heading3: 24,
  headerFooter: 18,
};

export const halfPoints = (points: number) => Math.round(points * 2);

/** A4 in twentieths of a point, with 2 cm margins (1.5 cm top and bottom in landscape). */
export const PAGE = { width: 11906, height: 16838, margin: 1134, landscapeTopBottom: 850 } as const;

export function contentWidth(orientation: 'portrait' | 'landscape'): number {
  return (orientation === 'portrait' ? PAGE.width : PAGE.height) - 2 * PAGE.margin;
}

export function documentStyles(scale: TypeScale): IStylesOptions {
  // Spacing in twentieths of a point, relative to one line of body text.
  const line = scale.body * 20;
  const heading = (size: number, before: number, after: number) => ({
    run: { font: FONT, size: halfPoints(size), bold: true, color: COLOURS.nhsBlue },
    paragraph: { spacing: { before, after }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: {
        // UK English for the whole package, so Word's spelling and accessibility checks and
        // screen readers do not guess (or fall back to US English).
        run: { font: FONT, size: halfPoints(scale.body), color: COLOURS.text, language: { value: LANGUAGE } },
        // lineRule must be explicit: LibreOffice reads a bare `line` as an exact height, and large
        // headings then overlap the line above.
        paragraph: { spacing: { after: halfPoints(scale.body) * 5, line: 276, lineRule: LineRuleType.AUTO } },
      },
      heading1: heading(scale.title, 0, line / 2),
      heading2: heading(scale.heading2, line * 1.25, line * 0.4),
      heading3: heading(scale.heading3, line * 0.8, line * 0.3),
      caption: {
        run: { font: FONT, size: halfPoints(scale.small), bold: true, italics: false, color: COLOURS.text },
        paragraph: { spacing: { before: 120, after: 80 }, keepNext: true },
      },
    },
  };
}

/** Arial for headings and body in the theme too, so "+Headings" and "+Body" in Word's font list agree. */
export const THEME: IThemeOptions = { name: 'NHS', fonts: { headings: FONT, body: FONT } };
