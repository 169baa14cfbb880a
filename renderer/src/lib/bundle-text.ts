// Words for the bundle screens: counts as a sentence, and what an import added or skipped.
import type { ResponseOf } from '../../../ipc/contract';
import { plural } from './format';

type Counts = ResponseOf<'bundles:preview'>['counts'];

export function countsText(c: Counts): string {
  const parts = [
    `${plural(c.rounds, 'round', 'rounds')} (${plural(c.observations, 'observation', 'observations')})`,
    plural(c.stories, 'story', 'stories'),
    plural(c.addenda, 'signed correction', 'signed corrections'),
    plural(c.actionEvents, 'action event', 'action events'),
    plural(c.withdrawals, 'consent withdrawal', 'consent withdrawals'),
  ];
  return parts.join(', ');
}

export function kindCountsText(c: Record<string, number>): string {
  const get = (k: string) => c[k] ?? 0;
  const parts = [
    plural(get('round'), 'round', 'rounds'),
    plural(get('story'), 'story', 'stories'),
    plural(get('addendum'), 'signed correction', 'signed corrections'),
    plural(get('action_event'), 'action event', 'action events'),
    plural(get('consent_withdrawal'), 'consent withdrawal', 'consent withdrawals'),
  ];
  return parts.join(', ');
}

/** A link target that downloads bytes (base64) as a file. */
export function base64DataUrl(base64: string, mediaType = 'application/octet-stream'): string {
  return `data:${mediaType};base64,${base64}`;
}
