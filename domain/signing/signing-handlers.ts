import type { KeyWrapper } from '../../db/key-file';
import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';
import {
  identityInfo,
  trustedSignerList,
  trustSigner,
  untrustSigner,
  type SigningIdentitySource,
} from './signing-service';
import { replaceLockedSigningKey, signingKeyState } from './key-replacement-service';

export type SigningHandlers = HandlerMap<
  | 'signing:identity'
  | 'signing:trusted-list'
  | 'signing:trust'
  | 'signing:untrust'
  | 'signing:key-state'
  | 'signing:replace-locked-key'
>;

export function signingHandlers(
  store: Store,
  identity: SigningIdentitySource,
  keys: { dataDir: string; wrapper: KeyWrapper },
): SigningHandlers {
  return {
    'signing:identity': () => identityInfo(identity()),
    'signing:trusted-list': () => trustedSignerList(store),
    'signing:trust': (request) => trustSigner(store, identity, request),
    'signing:untrust': ({ keyId }) => untrustSigner(store, keyId),
    'signing:key-state': () => signingKeyState(store, keys.dataDir, keys.wrapper),
    'signing:replace-locked-key': () => replaceLockedSigningKey(store, keys.dataDir, keys.wrapper, identity),
  };
}
