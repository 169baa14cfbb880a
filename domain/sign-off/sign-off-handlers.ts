import type { HandlerMap } from '../handler-types';
import type { SigningIdentitySource } from '../signing/signing-service';
import type { Store } from '../store';
import { addAddendum, getSignOff, signOff, type SignOffAnchoring } from './sign-off-service';

export type SignOffHandlers = HandlerMap<'sign-off:get' | 'sign-off:sign' | 'sign-off:add-addendum'>;

export function signOffHandlers(
  store: Store,
  identity: SigningIdentitySource,
  anchoring: SignOffAnchoring,
): SignOffHandlers {
  return {
    'sign-off:get': (request) => getSignOff(store, request),
    'sign-off:sign': (request) => signOff(store, identity, request, anchoring),
    'sign-off:add-addendum': (request) => addAddendum(store, identity, request, anchoring),
  };
}
