// Words for the trust hub screen: what a publish or a pull moved, and when things last ran.
import type { ResponseOf } from '../../../../ipc/contract';
import { kindCountsText } from '../../lib/bundle-text';
import { plural } from '../../lib/format';

type HubJobResult = NonNullable<ResponseOf<'hub:job-status'>['result']>;

export function resultText(result: HubJobResult): string[] {
  if (result.kind === 'publish') {
    if (result.published + result.alreadyThere === 0 && result.stillQueued === 0) {
      return ['Nothing new to publish: everything signed off here is already on the trust hub.'];
    }
    return [
      `Published ${plural(result.published, 'bundle', 'bundles')} (${plural(result.units, 'record', 'records')}).`,
      ...(result.alreadyThere > 0
        ? [
            `${plural(result.alreadyThere, 'bundle was', 'bundles were')} already on the hub, so nothing was sent twice.`,
          ]
        : []),
      ...(result.stillQueued > 0
        ? [`${plural(result.stillQueued, 'bundle is', 'bundles are')} still waiting to be published.`]
        : []),
    ];
  }
  return [
    `Added: ${kindCountsText(result.added)}.`,
    `Already here, skipped: ${kindCountsText(result.skipped)}.`,
    result.held.length === 0
      ? 'Nothing was held back.'
      : `${plural(result.held.length, 'record was', 'records were')} held back: see the pull log below.`,
  ];
}
