// Hash routes, so the same built files work under Electron's app:// protocol and over the
// browser host's http:// without any server-side routing. A route may carry a query after "?"
// (`#/search?q=interpreter`), so a search or a period survives Back and a reload.

import { assertNever } from '../../../ipc/errors';
import type { SignOffKind } from '../../../ipc/sign-off-schemas';

export type Route =
  | { name: 'home' }
  | { name: 'start-round' }
  /** `observationId`: an observation to bring into view and focus, e.g. from a search result. */
  | { name: 'round'; roundId: string; observationId?: string }
  /** `query`: the search form as URL parameters (see search-params.ts), '' for none. */
  | { name: 'search'; query: string }
  /** `query`: the period and site as URL parameters (see insights-params.ts), '' for none. */
  | { name: 'insights'; query: string }
  /** `query`: the list's filter as URL parameters (`status=approved`), '' for none. */
  | { name: 'stories'; query: string }
  | { name: 'new-story' }
  /** `step`: one step of the story (`?step=consent`); without it, the story's task list. */
  | { name: 'story'; storyId: string; step?: string }
  /** `query`: the board's filters and page as URL parameters (see pages/actions/board-params.ts). */
  | { name: 'actions'; query: string }
  | { name: 'new-action' }
  | { name: 'action'; actionId: string }
  | { name: 'settings' }
  /** Settings → Recovery key: making the key that opens the data on another computer. */
  | { name: 'recovery-key' }
  /** Settings → Trust hub: where the hub is, publishing to it and pulling from it. */
  | { name: 'trust-hub' }
  /** The keyboard shortcuts, listed. */
  | { name: 'shortcuts' }
  /** Review, sign-off and export of a completed round or an approved story. */
  | { name: 'review'; kind: SignOffKind; id: string }
  /** `query`: which export form is open (`document=poster`), '' for the period report. */
  | { name: 'exports'; query: string }
  | { name: 'verify' }
  | { name: 'signing-key' }
  /** PEIG bundles: send (contributors), import and its log, and the collection key (the PEIG lead). */
  | { name: 'bundle-send' }
  | { name: 'bundle-import' }
  | { name: 'bundle-log' }
  | { name: 'collection-key' }
  | { name: 'not-found'; hash: string };

const ROUND_PATH = /^\/rounds\/([0-9a-fA-F-]{1,64})$/;
const ACTION_PATH = /^\/actions\/([0-9a-fA-F-]{1,64})$/;
const UUID = /^[0-9a-fA-F-]{1,64}$/;
const STORY_PATH = /^\/stories\/([0-9a-fA-F-]{1,64})$/;
const STEP = /^[a-z-]{1,40}$/;
const REVIEW_PATH = /^\/(rounds|stories)\/([0-9a-fA-F-]{1,64})\/review$/;

/**
 * Returns null for hashes that are not routes (such as `#maincontent` from a skip link), so the
 * caller can keep showing the current page rather than a "not found" one.
 */
export function parseRoute(hash: string): Route | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '' || raw === '/') return { name: 'home' };
  if (!raw.startsWith('/')) return null;
  const queryAt = raw.indexOf('?');
  const rawPath = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const query = queryAt === -1 ? '' : raw.slice(queryAt + 1);
  const path = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
  if (path === '/rounds/new') return { name: 'start-round' };
  if (path === '/search') return { name: 'search', query: normaliseQuery(query) };
  if (path === '/insights') return { name: 'insights', query: normaliseQuery(query) };
  if (path === '/actions') return { name: 'actions', query: normaliseQuery(query) };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/settings/recovery-key') return { name: 'recovery-key' };
  if (path === '/settings/trust-hub') return { name: 'trust-hub' };
  if (path === '/shortcuts') return { name: 'shortcuts' };
  if (path === '/actions/new') return { name: 'new-action' };
  if (path === '/exports') return { name: 'exports', query: normaliseQuery(query) };
  if (path === '/verify') return { name: 'verify' };
  if (path === '/signing-key') return { name: 'signing-key' };
  if (path === '/bundles/send') return { name: 'bundle-send' };
  if (path === '/bundles/import') return { name: 'bundle-import' };
  if (path === '/bundles/log') return { name: 'bundle-log' };
  if (path === '/bundles/collection-key') return { name: 'collection-key' };
  const review = REVIEW_PATH.exec(path);
  if (review?.[1] !== undefined && review[2] !== undefined) {
    return { name: 'review', kind: review[1] === 'rounds' ? 'round' : 'story', id: review[2].toLowerCase() };
  }
  const action = ACTION_PATH.exec(path);
  if (action?.[1] !== undefined) return { name: 'action', actionId: action[1].toLowerCase() };
  if (path === '/stories') return { name: 'stories', query: normaliseQuery(query) };
  if (path === '/stories/new') return { name: 'new-story' };
  const story = STORY_PATH.exec(path);
  if (story?.[1] !== undefined) {
    const step = new URLSearchParams(query).get('step');
    return step !== null && STEP.test(step)
      ? { name: 'story', storyId: story[1].toLowerCase(), step }
      : { name: 'story', storyId: story[1].toLowerCase() };
  }
  const round = ROUND_PATH.exec(path);
  if (round?.[1] !== undefined) {
    const observationId = new URLSearchParams(query).get('observation');
    return observationId !== null && UUID.test(observationId)
      ? { name: 'round', roundId: round[1].toLowerCase(), observationId: observationId.toLowerCase() }
      : { name: 'round', roundId: round[1].toLowerCase() };
  }
  return { name: 'not-found', hash: raw };
}

/** Parameters re-encoded one way, so equal searches give equal hashes and route keys. */
function normaliseQuery(query: string): string {
  return new URLSearchParams(query).toString();
}

function withQuery(path: string, query: string): string {
  return query === '' ? path : `${path}?${query}`;
}

export function hrefFor(route: Exclude<Route, { name: 'not-found' }>): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'start-round':
      return '#/rounds/new';
    case 'round':
      return route.observationId === undefined
        ? `#/rounds/${route.roundId}`
        : `#/rounds/${route.roundId}?${new URLSearchParams({ observation: route.observationId }).toString()}`;
    case 'search':
      return withQuery('#/search', route.query);
    case 'insights':
      return withQuery('#/insights', route.query);
    case 'stories':
      return withQuery('#/stories', route.query);
    case 'new-story':
      return '#/stories/new';
    case 'story':
      return route.step === undefined
        ? `#/stories/${route.storyId}`
        : `#/stories/${route.storyId}?${new URLSearchParams({ step: route.step }).toString()}`;
    case 'actions':
      return withQuery('#/actions', route.query);
    case 'new-action':
      return '#/actions/new';
    case 'action':
      return `#/actions/${route.actionId}`;
    case 'settings':
      return '#/settings';
    case 'recovery-key':
      return '#/settings/recovery-key';
    case 'trust-hub':
      return '#/settings/trust-hub';
    case 'shortcuts':
      return '#/shortcuts';
    case 'review':
      return `#/${route.kind === 'round' ? 'rounds' : 'stories'}/${route.id}/review`;
    case 'exports':
      return withQuery('#/exports', route.query);
    case 'verify':
      return '#/verify';
    case 'signing-key':
      return '#/signing-key';
    case 'bundle-send':
      return '#/bundles/send';
    case 'bundle-import':
      return '#/bundles/import';
    case 'bundle-log':
      return '#/bundles/log';
    case 'collection-key':
      return '#/bundles/collection-key';
    default:
      return assertNever(route);
  }
}

/**
 * A key that changes when the page (not just its data) changes; used to remount pages. A new
 * search or period keeps the page (and where focus is); the page reads the new query itself.
 */
export function routeKey(route: Route): string {
  if (route.name === 'story') return `story:${route.storyId}`;
  if (route.name === 'action') return `action:${route.actionId}`;
  if (route.name === 'review') return `review:${route.kind}:${route.id}`;
  return route.name === 'round' ? `round:${route.roundId}` : route.name;
}
