// What the audit log says about a story's words. The log is append-only and can never be
// purged, so the free text of a story (which may name the storyteller, until it is redacted,
// and which must disappear from use when consent is withdrawn) never goes into it. Each text
// field is recorded by its SHA-256 and length instead: enough to prove which version was
// there, nothing to read back out of it.

import { fingerprint } from '../../db/audit-log';

export { fingerprint, type TextFingerprint } from '../../db/audit-log';

const FREE_TEXT_FIELDS: ReadonlySet<string> = new Set(['title', 'narrative', 'quotes', 'learningPoints']);

/** The audit detail of a set of story fields: free text fingerprinted, the rest as given. */
export function describeStoryFields(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) =>
        FREE_TEXT_FIELDS.has(key) && (typeof value === 'string' || Array.isArray(value))
          ? [key, fingerprint(value)]
          : [key, value],
      ),
  );
}
