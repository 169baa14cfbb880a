import type { ActionDetailDto } from '../../../ipc/contract';
import { formatDateTime } from '../lib/format';

/**
 * Says who contributed an imported story or action and from which bundle, and that it is
 * read-only here: it changes only on its contributor's laptop, and arrives again in a later bundle.
 */
type Provenance = NonNullable<ActionDetailDto['provenance']>;

export function ProvenanceNotice({ provenance, what }: { provenance: Provenance; what: string }) {
  return (
    <div className="nhsuk-inset-text" data-testid="provenance">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        Contributed by {provenance.contributorName}, imported {formatDateTime(provenance.importedAt)} from
        bundle {provenance.bundleId.slice(0, 8)}. Read-only on this laptop: this {what} changes only on{' '}
        {provenance.contributorName}’s laptop, and their next bundle brings the change.
      </p>
      <p className="pxr-fingerprint nhsuk-body-s">Key {provenance.fingerprint}</p>
    </div>
  );
}
