// The organisation's name that every export carries above its title ("Royal Marsden NHS
// Foundation Trust"). Kept in settings, so it is the same on every document from this computer;
// until someone sets it, exports carry a general name and the settings page says so.

import { z } from 'zod';
import type { ResponseOf } from '../../ipc/contract';
import { SETTING_KEYS } from '../../db/repositories/settings-repository';
import { saveAuditedSetting } from '../audited-setting';
import type { Store } from '../store';

type Organisation = ResponseOf<'settings:get-organisation'>;

const StoredName = z.string().trim().min(1);

export function organisation(store: Store, fallback: string): Organisation {
  const stored = StoredName.safeParse(store.settings.get(SETTING_KEYS.organisation));
  return stored.success ? { name: stored.data, isDefault: false } : { name: fallback, isDefault: true };
}

export function setOrganisation(store: Store, name: string): Organisation {
  // One space between words: the name is printed as a heading.
  const tidy = name.replace(/\s+/gu, ' ');
  saveAuditedSetting(store, SETTING_KEYS.organisation, tidy, { name: tidy });
  return { name: tidy, isDefault: false };
}
