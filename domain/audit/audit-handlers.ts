import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';

export type AuditHandlers = HandlerMap<'audit:verify'>;

export function auditHandlers(store: Store): AuditHandlers {
  return {
    'audit:verify': () => store.audit.verify(),
  };
}
