import type { HandlerMap } from '../handler-types';
import type { SigningIdentitySource } from '../signing/signing-service';
import type { Store } from '../store';
import type { AuditAnchoring } from './audit-anchors';
import { checkAuditLog } from './audit-check';
import { checkDocumentAnchor, type AnchorReaders } from './audit-document';

export type AuditHandlers = HandlerMap<'audit:verify' | 'audit:check-document'>;

export function auditHandlers(
  store: Store,
  options: {
    dataDir: string;
    anchoring: AuditAnchoring;
    identity: SigningIdentitySource;
    readers: AnchorReaders;
  },
): AuditHandlers {
  return {
    'audit:verify': () => checkAuditLog(store, options.dataDir, options.anchoring, options.identity),
    'audit:check-document': (request) => checkDocumentAnchor(store, options, request),
  };
}
