import type { HandlerMap } from '../handler-types';
import type { SigningIdentitySource } from '../signing/signing-service';
import type { Store } from '../store';
import type { AuditAnchoring } from './audit-anchors';
import { checkAuditLog } from './audit-check';

export type AuditHandlers = HandlerMap<'audit:verify'>;

export function auditHandlers(
  store: Store,
  options: { dataDir: string; anchoring: AuditAnchoring; identity: SigningIdentitySource },
): AuditHandlers {
  return {
    'audit:verify': () => checkAuditLog(store, options.dataDir, options.anchoring, options.identity),
  };
}
