// Cohen's kappa in plain words, for people who have never met a kappa: the number as it is
// usually written, the Landis & Koch name for its band, and what was counted. DOM-free.
import { formatCount, plural } from './format';

export const AGREEMENT_BANDS = [
  { name: 'poor', from: null, to: 0, range: 'below 0' },
  { name: 'slight', from: 0, to: 0.2, range: '0 to 0.20' },
  { name: 'fair', from: 0.21, to: 0.4, range: '0.21 to 0.40' },
  { name: 'moderate', from: 0.41, to: 0.6, range: '0.41 to 0.60' },
  { name: 'substantial', from: 0.61, to: 0.8, range: '0.61 to 0.80' },
  { name: 'almost perfect', from: 0.81, to: 1, range: '0.81 to 1' },
] as const;

export type AgreementBand = (typeof AGREEMENT_BANDS)[number]['name'];

/** Two decimal places, with a real minus sign (screen readers say "minus", not "dash"). */
export function formatKappa(kappa: number): string {
  const fixed = (Math.round(kappa * 100) / 100).toFixed(2);
  return fixed.startsWith('-') ? `−${fixed.slice(1)}` : fixed;
}

/** The band of the kappa as shown (rounded to two places), so "0.61" always reads "substantial". */
export function kappaBand(kappa: number): AgreementBand {
  const shown = Math.round(kappa * 100) / 100;
  if (shown < 0) return 'poor';
  if (shown <= 0.2) return 'slight';
  if (shown <= 0.4) return 'fair';
  if (shown <= 0.6) return 'moderate';
  if (shown <= 0.8) return 'substantial';
  return 'almost perfect';
}

export type AgreementFigures = {
  kappa: number | null;
  observedAgreement: number;
  /** Observations with both a suggestion and a confirmed sentiment. */
  compared: number;
  overridden: number;
  unconfirmed: number;
};

export type AgreementWords = {
  /** "0.62 — substantial agreement", or what stands in for it when there is no kappa. */
  headline: string;
  /** What the figure rests on, in a sentence or two. */
  basis: string;
  overridden: string;
  unconfirmed: string;
};

export function describeAgreement(figures: AgreementFigures): AgreementWords {
  const { kappa, compared, overridden, unconfirmed } = figures;
  const kept = compared - overridden;
  const overriddenText =
    compared === 0
      ? 'No suggestions have been checked yet.'
      : `People checked ${plural(compared, 'suggestion', 'suggestions')} and changed ${formatCount(overridden)} of them.`;
  const unconfirmedText =
    unconfirmed === 0
      ? 'Every suggestion in this period has been confirmed or changed.'
      : `${plural(unconfirmed, 'suggestion is', 'suggestions are')} not yet confirmed.`;

  if (compared === 0) {
    return {
      headline: 'Not measured yet',
      basis: 'No one has confirmed or changed a suggested sentiment in this period.',
      overridden: overriddenText,
      unconfirmed: unconfirmedText,
    };
  }
  const percent = Math.round(figures.observedAgreement * 100);
  const keptText = `People kept ${kept} of ${compared} suggestions (${percent}%).`;
  if (kappa === null) {
    return {
      headline: 'Cannot be measured',
      basis: `Every suggestion and every confirmed sentiment in this period was the same one, so agreement beyond chance cannot be worked out. ${keptText}`,
      overridden: overriddenText,
      unconfirmed: unconfirmedText,
    };
  }
  return {
    headline: `${formatKappa(kappa)} — ${kappaBand(kappa)} agreement`,
    basis: `Cohen’s kappa over ${plural(compared, 'observation', 'observations')} with a confirmed sentiment: 1 means people always kept the suggestion, 0 means no better than chance. ${keptText}`,
    overridden: overriddenText,
    unconfirmed: unconfirmedText,
  };
}
