// Small things remembered between rounds on this computer so starting the next one takes
// seconds: the site and the person who usually leads. Nothing clinical is kept here.
import { TEAM_ROLES, type TeamRole } from '../../../ipc/contract';
import type { StorageLike } from './draft-store';

const SITE_KEY = 'pxr:last-site';
const LEAD_KEY = 'pxr:last-lead';

export type Lead = { name: string; role: TeamRole };

export function readLastSite(storage: StorageLike): string {
  return safeGet(storage, SITE_KEY) ?? '';
}

export function readLastLead(storage: StorageLike): Lead {
  const fallback: Lead = { name: '', role: 'ned' };
  const raw = safeGet(storage, LEAD_KEY);
  if (raw === null) return fallback;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return fallback;
    const name: unknown = Reflect.get(parsed, 'name');
    const role: unknown = Reflect.get(parsed, 'role');
    const knownRole = TEAM_ROLES.find((r) => r === role);
    return typeof name === 'string' && knownRole !== undefined ? { name, role: knownRole } : fallback;
  } catch {
    return fallback;
  }
}

export function rememberRoundDefaults(storage: StorageLike, site: string, lead: Lead | undefined): void {
  try {
    storage.setItem(SITE_KEY, site.trim());
    if (lead !== undefined && lead.name.trim() !== '') {
      storage.setItem(LEAD_KEY, JSON.stringify({ name: lead.name.trim(), role: lead.role }));
    }
  } catch {
    // Only a convenience; a full or disabled storage must not block starting a round.
  }
}

function safeGet(storage: StorageLike, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}
