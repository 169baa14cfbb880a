import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../drizzle-client';
import { settings } from '../schema';

// App-wide settings as JSON values under fixed keys. Readers parse what they get with their own
// schema, so a value written by a newer version never crashes an older one.
export const SETTING_KEYS = {
  staffNames: 'staff_names',
  organisation: 'organisation',
  hubConnection: 'hub_connection',
  hubState: 'hub_state',
  earlierSigningKeys: 'earlier_signing_keys',
  earlierCollectionKeys: 'earlier_collection_keys',
} as const;
export type SettingKey = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS];

export function settingsRepository(db: AppDatabase) {
  return {
    get: (key: SettingKey): unknown => {
      const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
      if (!row) return undefined;
      try {
        return JSON.parse(row.value) as unknown;
      } catch {
        return undefined;
      }
    },
    set: (key: SettingKey, value: unknown, updatedAt: string) => {
      const json = JSON.stringify(value);
      db.insert(settings)
        .values({ key, value: json, updatedAt })
        .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt } })
        .run();
    },
  };
}

export type SettingsRepository = ReturnType<typeof settingsRepository>;
