import type { RecordProvenanceDto } from '../../ipc/schema-parts';
import type { Store } from '../store';
import { formatFingerprint } from './signing-keys';

/**
 * Where an imported record came from: the contributor whose key signed it (by the name their key
 * is trusted under here), and the bundle that brought it. Null for this laptop's own records, which
 * carry no provenance (migration 0014).
 */
export function provenanceOf(
  store: Store,
  row: { contributorKeyId: string | null; bundleId: string | null; importedAt: string | null },
): RecordProvenanceDto | null {
  if (!row.contributorKeyId || !row.bundleId || !row.importedAt) return null;
  return {
    contributorKeyId: row.contributorKeyId,
    fingerprint: formatFingerprint(row.contributorKeyId),
    contributorName: store.trustedSigners.get(row.contributorKeyId)?.name ?? 'A contributor',
    bundleId: row.bundleId,
    importedAt: row.importedAt,
  };
}
