import { useEffect, useRef } from 'react';
import type { ResponseOf } from '../../../../ipc/contract';
import { api } from '../../api-client';
import { LockedKeyReplacement } from '../../components/LockedKeyReplacement';
import { publicKeyFileName, textDataUrl } from '../../lib/signing-text';

type Replaced = ResponseOf<'signing:replace-locked-key'>;

/**
 * Shown when a signing key file is here but this computer's key store cannot open it (a
 * re-imaged laptop, a new user account). The recovery key does not carry signing keys, so the
 * way on is a new key; nothing is replaced until the person confirms.
 */
export function LockedSigningKey({ onReplaced }: { onReplaced: (replaced: Replaced) => void }) {
  return (
    <LockedKeyReplacement
      level="h3"
      testId="signing-key-locked"
      title="Your signing key cannot be unlocked on this computer"
      explanation={
        <>
          <p>
            Your signing key was made on another computer or user account, and only that computer’s key store
            can unlock it. This happens after a laptop is re-imaged: the recovery key opens your data, but it
            does not carry your signing key, so that nobody holding the recovery key can sign in your name.
          </p>
          <p>
            Until you make a new key you cannot sign off or export. Documents you signed before are not
            affected.
          </p>
        </>
      }
      make="Make a new signing key"
      confirmHeadingId="confirm-new-key-heading"
      consequences={
        <>
          <li>A new key is made on this computer and signs everything from now on.</li>
          <li>
            Your old key is kept on record as your earlier key, so documents you signed with it still show as
            yours.
          </li>
          <li>The old key file is kept in your data folder under another name. Nothing is deleted.</li>
          <li>Colleagues will need your new public key before they trust what you sign with it.</li>
        </>
      }
      replace={() => api['signing:replace-locked-key']({ confirm: true })}
      onReplaced={onReplaced}
    />
  );
}

/** What to do next, once a new key has replaced one this computer could not unlock. */
export function NewSigningKeyNextSteps({ replaced }: { replaced: Replaced }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="nhsuk-inset-text" data-testid="new-signing-key">
      <h3 className="nhsuk-heading-s" tabIndex={-1} ref={headingRef}>
        You have a new signing key
      </h3>
      <p>
        Your new key’s fingerprint is <span className="pxr-fingerprint">{replaced.identity.fingerprint}</span>
        .
        {replaced.earlier.keyId !== '' && (
          <>
            {' '}
            Your earlier key (<span className="pxr-fingerprint">{replaced.earlier.fingerprint}</span>) is kept
            on record as yours.
          </>
        )}{' '}
        The old key file was kept as {replaced.earlier.keptAs}.
      </p>
      <p>What to do next:</p>
      <ol className="nhsuk-list nhsuk-list--number">
        <li>Download your new public key.</li>
        <li>
          Send it to the PEIG lead, and read them the fingerprint by phone or in person, so they trust
          documents you sign from now on.
        </li>
      </ol>
      <a
        className="nhsuk-button nhsuk-button--secondary"
        href={textDataUrl(replaced.identity.publicKeyPem)}
        download={publicKeyFileName(replaced.identity.keyId)}
      >
        Download new public key (.pem)
      </a>
    </div>
  );
}
