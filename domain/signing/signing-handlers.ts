import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';
import {
  identityInfo,
  trustedSignerList,
  trustSigner,
  untrustSigner,
  type SigningIdentitySource,
} from './signing-service';

export type SigningHandlers = HandlerMap<
  'signing:identity' | 'signing:trusted-list' | 'signing:trust' | 'signing:untrust'
>;

export function signingHandlers(store: Store, identity: SigningIdentitySource): SigningHandlers {
  return {
    'signing:identity': () => identityInfo(identity()),
    'signing:trusted-list': () => trustedSignerList(store),
    'signing:trust': (request) => trustSigner(store, identity, request),
    'signing:untrust': ({ keyId }) => untrustSigner(store, keyId),
  };
}
