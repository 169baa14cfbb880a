// Who uses PX Rounds on this computer: their name and role, asked once and offered wherever the
// app asks for a name (the round's team, a story's author, sign-off, exports). The audit log and
// the action history record this name rather than the computer's account.

import type { ResponseOf } from '../../ipc/contract';
import { SETTING_KEYS } from '../../db/repositories/settings-repository';
import { saveAuditedSetting } from '../audited-setting';
import type { Store } from '../store';

type PersonOrNone = ResponseOf<'settings:get-person'>;

export function person(store: Store): PersonOrNone {
  return { person: store.settings.person() };
}

export function setPerson(store: Store, name: string, role: string): PersonOrNone {
  // One space between words: the name is printed on documents and in the history.
  const tidy = { name: name.replace(/\s+/gu, ' '), role: role.replace(/\s+/gu, ' ') };
  saveAuditedSetting(store, SETTING_KEYS.person, tidy, tidy);
  return { person: tidy };
}
