import type { SettingKey } from '../db/repositories/settings-repository';
import type { Store } from './store';

/**
 * Saves a setting and its audit entry in one transaction. `detail` is what the audit log
 * records of the new value.
 */
export function saveAuditedSetting(
  store: Store,
  key: SettingKey,
  value: unknown,
  detail: Record<string, unknown>,
) {
  store.transaction(() => {
    store.settings.set(key, value, store.now().toISOString());
    store.audit.append({ action: 'update', entity: 'settings', entityId: key, detail });
  });
}
