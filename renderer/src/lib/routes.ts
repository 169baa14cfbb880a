// Hash routes, so the same built files work under Electron's app:// protocol and over the
// browser host's http:// without any server-side routing.

import { assertNever } from '../../../ipc/errors';

export type Route =
  | { name: 'home' }
  | { name: 'start-round' }
  | { name: 'round'; roundId: string }
  | { name: 'not-found'; hash: string };

const ROUND_PATH = /^\/rounds\/([0-9a-fA-F-]{1,64})$/;

/**
 * Returns null for hashes that are not routes (such as `#maincontent` from a skip link), so the
 * caller can keep showing the current page rather than a "not found" one.
 */
export function parseRoute(hash: string): Route | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '' || raw === '/') return { name: 'home' };
  if (!raw.startsWith('/')) return null;
  const path = raw.length > 1 && raw.endsWith('/') ? raw.slice(0, -1) : raw;
  if (path === '/rounds/new') return { name: 'start-round' };
  const round = ROUND_PATH.exec(path);
  if (round?.[1] !== undefined) return { name: 'round', roundId: round[1].toLowerCase() };
  return { name: 'not-found', hash: raw };
}

export function hrefFor(route: Exclude<Route, { name: 'not-found' }>): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'start-round':
      return '#/rounds/new';
    case 'round':
      return `#/rounds/${route.roundId}`;
    default:
      return assertNever(route);
  }
}

/** A key that changes when the page (not just its data) changes; used to remount pages. */
export function routeKey(route: Route): string {
  return route.name === 'round' ? `round:${route.roundId}` : route.name;
}
