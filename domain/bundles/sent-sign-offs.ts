import type { SignedUnitDto } from '../../ipc/bundle-units-schemas';
import {
  addendumSignatureAsSent,
  signOffAsSent,
  type Sendable,
  type SentSignOff,
} from '../sign-off/sign-off-as-sent';
import type { SigningIdentity } from '../signing/signing-keys';

// A record whose personal details were redacted at sign-off leaves with different text from the
// text its sign-off covers. The bundle carries the sign-off re-signed over the content as sent
// (domain/sign-off/sign-off-as-sent.ts), and the item's corrections with it, so the laptop that
// imports it can check the signature against what it holds. Worked out once per item per bundle.

type AddendumContent = Extract<SignedUnitDto, { kind: 'addendum' }>['content'];

export function sentSignOffs(identity: SigningIdentity) {
  const done = new Map<string, SentSignOff | null>();
  const of = (kind: 'round' | 'story', id: string, item: () => Sendable | null): SentSignOff | null => {
    const key = `${kind}:${id}`;
    const known = done.get(key);
    if (known !== undefined) return known;
    const sendable = item();
    const result = sendable ? signOffAsSent(sendable, identity) : null;
    done.set(key, result);
    return result;
  };
  return {
    /** The item's sign-off as sent, or its own. */
    signOff: (item: Sendable) => of(item.kind, item.id, () => item)?.signOff ?? item.sent.signOff,
    /** A correction's signature as sent; `item` gives its round or story, or null if that may not leave. */
    addendumSignature: (id: string, addendum: AddendumContent, item: () => Sendable | null) => {
      const asSent = of(addendum.kind, addendum.itemId, item);
      return asSent ? addendumSignatureAsSent({ ...addendum, id }, asSent, identity) : addendum.signature;
    },
  };
}
