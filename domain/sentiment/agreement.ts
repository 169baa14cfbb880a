// How far people agree with the suggested sentiment, as Cohen's kappa: agreement corrected for
// the agreement two raters would reach by chance given how often each uses each label. A
// suggester that always says "positive" on a ward where most feedback is positive agrees a lot
// and is worth nothing; kappa shows that, raw agreement does not.
import { SENTIMENT_LABELS, type SentimentLabel } from './labels';

export type SentimentPair = { suggested: SentimentLabel; confirmed: SentimentLabel };

export type SentimentAgreement = {
  /**
   * Cohen's kappa: 1 perfect, 0 no better than chance, below 0 worse than chance. Null when
   * it is undefined: no pairs, or expected agreement is 1 (both sides only ever used one and
   * the same label, so there is nothing chance could get wrong).
   */
  kappa: number | null;
  /** Share of pairs where the person kept the suggestion (0 when there are no pairs). */
  observedAgreement: number;
  /** Agreement expected by chance from each side's label frequencies. */
  expectedAgreement: number;
  n: number;
  /** Pairs where the person changed the suggestion. */
  overridden: number;
};

/** The same pairs already counted: how many times each (suggested, confirmed) pair occurs. */
export type SentimentPairCount = SentimentPair & { count: number };

export function cohensKappa(pairs: readonly SentimentPair[]): SentimentAgreement {
  return cohensKappaFromCounts(pairs.map((pair) => ({ ...pair, count: 1 })));
}

/** Kappa from the contingency table, so a database can do the counting. */
export function cohensKappaFromCounts(cells: readonly SentimentPairCount[]): SentimentAgreement {
  const suggestedCounts = new Map<SentimentLabel, number>();
  const confirmedCounts = new Map<SentimentLabel, number>();
  let n = 0;
  let agreed = 0;
  for (const { suggested, confirmed, count } of cells) {
    n += count;
    suggestedCounts.set(suggested, (suggestedCounts.get(suggested) ?? 0) + count);
    confirmedCounts.set(confirmed, (confirmedCounts.get(confirmed) ?? 0) + count);
    if (suggested === confirmed) agreed += count;
  }
  if (n === 0) return { kappa: null, observedAgreement: 0, expectedAgreement: 0, n: 0, overridden: 0 };

  const observedAgreement = agreed / n;
  const expectedAgreement = SENTIMENT_LABELS.reduce(
    (sum, label) => sum + ((suggestedCounts.get(label) ?? 0) / n) * ((confirmedCounts.get(label) ?? 0) / n),
    0,
  );
  // Counts are integers, so expected agreement is exactly 1 only in the degenerate case; the
  // tolerance guards against a rounding 0.9999999999 turning into a huge or infinite kappa.
  const kappa =
    1 - expectedAgreement < 1e-12 ? null : (observedAgreement - expectedAgreement) / (1 - expectedAgreement);
  return { kappa, observedAgreement, expectedAgreement, n, overridden: n - agreed };
}

/** What the insights page shows of an agreement, under the names its channel gives them. */
export function agreementFigures(agreement: SentimentAgreement) {
  return {
    kappa: agreement.kappa,
    observedAgreement: agreement.observedAgreement,
    compared: agreement.n,
    overridden: agreement.overridden,
  };
}
