import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDatabase } from '../drizzle-client';
import { settings } from '../schema';

// App-wide settings as JSON values under fixed keys. Readers parse what they get with their own
// schema, so a value written by a newer version never crashes an older one.
export const SETTING_KEYS = {
  staffNames: 'staff_names',
  organisation: 'organisation',
  person: 'person',
  hubConnection: 'hub_connection',
  hubState: 'hub_state',
  earlierSigningKeys: 'earlier_signing_keys',
  earlierCollectionKeys: 'earlier_collection_keys',
} as const;
/** Who uses the app on this computer, as kept under SETTING_KEYS.person. */
export const StoredPerson = z.object({ name: z.string().trim().min(1), role: z.string().trim().min(1) });
export type StoredPerson = z.infer<typeof StoredPerson>;

export type SettingKey = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS];

export function settingsRepository(db: AppDatabase) {
  const get = (key: SettingKey): unknown => {
    const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
    if (!row) return undefined;
    try {
      return JSON.parse(row.value) as unknown;
    } catch {
      return undefined;
    }
  };
  return {
    get,
    /** The person using the app, or null until they have said who they are. */
    person: (): StoredPerson | null => {
      const stored = StoredPerson.safeParse(get(SETTING_KEYS.person));
      return stored.success ? stored.data : null;
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
