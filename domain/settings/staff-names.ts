// The local staff names the personal-data guard looks for ("Sister Okafor", "Ade on
// reception"), kept in settings so every check and every export uses the same list.

import { z } from 'zod';
import type { ResponseOf } from '../../ipc/contract';
import { SETTING_KEYS } from '../../db/repositories/settings-repository';
import { saveAuditedSetting } from '../audited-setting';
import type { Store } from '../store';

const StoredNames = z.array(z.string());

export function staffNames(store: Store): string[] {
  const parsed = StoredNames.safeParse(store.settings.get(SETTING_KEYS.staffNames));
  return parsed.success ? parsed.data : [];
}

/** Each name once (the first spelling wins when two differ only in case), in the order given. */
export function setStaffNames(
  store: Store,
  names: readonly string[],
): ResponseOf<'settings:set-staff-names'> {
  const seen = new Set<string>();
  const unique = names.filter((name) => {
    const key = name.normalize('NFC').replace(/\s+/gu, ' ').toLocaleLowerCase('en-GB');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  saveAuditedSetting(store, SETTING_KEYS.staffNames, unique, { names: unique });
  return { names: unique };
}
