// Words and rows for the insights screen: the themes chart's parts, its one-sentence text
// alternative, and impacts in words. Pure, so what a screen reader hears is unit-tested.
import type { EqualityImpact, ResponseOf, SentimentLabel } from '../../../ipc/contract';
import { formatCount } from './format';
import { IMPACT_TEXT, SENTIMENT_TEXT } from './labels';

type Insights = ResponseOf<'insights:get'>;
type Counts = Insights['themes'][number]['counts'];
export type Part = SentimentLabel | 'unrated';

export const PARTS: readonly Part[] = ['positive', 'negative', 'mixed', 'neutral', 'unrated'];
export const PART_TEXT: Record<Part, string> = { ...SENTIMENT_TEXT, unrated: 'Not rated' };

export type ThemeRow = { key: string; label: string; total: number; counts: Counts };

export function themeRows(insights: Insights): ThemeRow[] {
  return [
    ...insights.themes.map((theme) => ({
      key: `${theme.frameworkId}/${theme.tagId}`,
      label: theme.label,
      total: theme.total,
      counts: theme.counts,
    })),
    { key: 'untagged', label: 'No theme', total: insights.untagged.total, counts: insights.untagged },
  ];
}

/** "2 negative, 1 positive": the parts of a bar in words, so colour never carries them alone. */
export function breakdown(counts: Counts): string {
  const parts = PARTS.filter((part) => counts[part] > 0).map(
    (part) => `${formatCount(counts[part])} ${PART_TEXT[part].toLocaleLowerCase('en-GB')}`,
  );
  return parts.length === 0 ? 'none' : parts.join(', ');
}

/** One sentence for the whole chart, as its text alternative. */
export function chartSummary(rows: readonly ThemeRow[], period: string): string {
  const lines = rows.map(
    (row) => `${row.label}: ${formatCount(row.total)}${row.total > 0 ? ` (${breakdown(row.counts)})` : ''}`,
  );
  return `Bar chart of observations by theme and sentiment, ${period}. ${lines.join('; ')}.`;
}

type Group = Insights['equality']['groups'][number];

const IMPACTS: readonly EqualityImpact[] = ['negative', 'positive', 'neutral', 'unclear'];

export function impactText(impacts: Group['impacts']): string {
  const parts = IMPACTS.filter((impact) => impacts[impact] > 0).map(
    (impact) => `${formatCount(impacts[impact])} ${IMPACT_TEXT[impact].toLocaleLowerCase('en-GB')}`,
  );
  return parts.length === 0 ? 'None' : parts.join(', ');
}
