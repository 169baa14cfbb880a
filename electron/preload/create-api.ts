// The object the preload exposes as window.api: one named function per channel and nothing
// else, so the page can never send an arbitrary channel or reach ipcRenderer itself.
import type { Api } from '../../ipc/api';
import type { ChannelName, RequestOf, ResponseOf } from '../../ipc/contract';
import type { Result } from '../../ipc/errors';

/** ipcRenderer.invoke, narrowed to the contract. Main answers every channel with a Result. */
export type Invoke = <C extends ChannelName>(
  channel: C,
  request: RequestOf<C>,
) => Promise<Result<ResponseOf<C>>>;

export function createApi(invoke: Invoke): Api {
  // An explicit literal keyed by channel name (not a loop over channelNames): `satisfies Api`
  // then fails the build on a missing, extra or renamed channel, and only types are imported,
  // which keeps zod and the schemas out of the sandboxed preload bundle.
  return {
    'app:info': (request) => invoke('app:info', request),
    'templates:list': (request) => invoke('templates:list', request),
    'rounds:list': (request) => invoke('rounds:list', request),
    'rounds:get': (request) => invoke('rounds:get', request),
    'rounds:create': (request) => invoke('rounds:create', request),
    'rounds:complete': (request) => invoke('rounds:complete', request),
    'areas:add': (request) => invoke('areas:add', request),
    'areas:names-for-site': (request) => invoke('areas:names-for-site', request),
    'areas:list': (request) => invoke('areas:list', request),
    'observations:create': (request) => invoke('observations:create', request),
    'observations:update': (request) => invoke('observations:update', request),
    'observations:delete': (request) => invoke('observations:delete', request),
    'tagging:frameworks': (request) => invoke('tagging:frameworks', request),
    'tagging:create-custom-tag': (request) => invoke('tagging:create-custom-tag', request),
    'tagging:set-item-tags': (request) => invoke('tagging:set-item-tags', request),
    'observations:set-sentiment': (request) => invoke('observations:set-sentiment', request),
    'search:observations': (request) => invoke('search:observations', request),
    'insights:get': (request) => invoke('insights:get', request),
    'stories:list': (request) => invoke('stories:list', request),
    'stories:get': (request) => invoke('stories:get', request),
    'stories:create': (request) => invoke('stories:create', request),
    'stories:update': (request) => invoke('stories:update', request),
    'stories:set-sentiment': (request) => invoke('stories:set-sentiment', request),
    'stories:record-consent': (request) => invoke('stories:record-consent', request),
    'stories:withdraw-consent': (request) => invoke('stories:withdraw-consent', request),
    'stories:record-read-back': (request) => invoke('stories:record-read-back', request),
    'stories:approve': (request) => invoke('stories:approve', request),
    'clearance:check': (request) => invoke('clearance:check', request),
    'clearance:decide': (request) => invoke('clearance:decide', request),
    'settings:get-staff-names': (request) => invoke('settings:get-staff-names', request),
    'settings:set-staff-names': (request) => invoke('settings:set-staff-names', request),
    'observations:set-follow-up': (request) => invoke('observations:set-follow-up', request),
    'actions:list': (request) => invoke('actions:list', request),
    'actions:get': (request) => invoke('actions:get', request),
    'actions:create': (request) => invoke('actions:create', request),
    'actions:create-from': (request) => invoke('actions:create-from', request),
    'actions:add-source': (request) => invoke('actions:add-source', request),
    'actions:update': (request) => invoke('actions:update', request),
    'actions:set-status': (request) => invoke('actions:set-status', request),
    'actions:for-round': (request) => invoke('actions:for-round', request),
    'actions:record-revisit': (request) => invoke('actions:record-revisit', request),
    'signing:identity': (request) => invoke('signing:identity', request),
    'signing:trusted-list': (request) => invoke('signing:trusted-list', request),
    'signing:trust': (request) => invoke('signing:trust', request),
    'signing:untrust': (request) => invoke('signing:untrust', request),
    'sign-off:get': (request) => invoke('sign-off:get', request),
    'sign-off:sign': (request) => invoke('sign-off:sign', request),
    'sign-off:add-addendum': (request) => invoke('sign-off:add-addendum', request),
    'exports:start': (request) => invoke('exports:start', request),
    'exports:status': (request) => invoke('exports:status', request),
    'exports:cancel': (request) => invoke('exports:cancel', request),
    'exports:verify': (request) => invoke('exports:verify', request),
    'exports:period-preview': (request) => invoke('exports:period-preview', request),
    'settings:get-organisation': (request) => invoke('settings:get-organisation', request),
    'settings:set-organisation': (request) => invoke('settings:set-organisation', request),
    'audit:verify': (request) => invoke('audit:verify', request),
  } satisfies Api;
}
