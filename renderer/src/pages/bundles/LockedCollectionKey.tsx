import { useEffect, useRef } from 'react';
import type { ResponseOf } from '../../../../ipc/contract';
import { api } from '../../api-client';
import { LockedKeyReplacement } from '../../components/LockedKeyReplacement';

type Replaced = ResponseOf<'bundles:replace-locked-collection-key'>;

/**
 * Shown when the collection key file is here but this computer's key store cannot open it (a
 * re-imaged laptop). The recovery key does not carry it; the way on is a new key, made only once
 * the lead confirms.
 */
export function LockedCollectionKey({ onReplaced }: { onReplaced: (replaced: Replaced) => void }) {
  return (
    <LockedKeyReplacement
      level="h2"
      testId="collection-key-locked"
      title="The collection key cannot be unlocked on this computer"
      explanation={
        <p>
          It was made on another computer or user account, and only that computer’s key store can unlock it.
          This happens after a laptop is re-imaged: the recovery key opens your data, but it does not carry
          private keys. Bundles sent to the old key cannot be opened here.
        </p>
      }
      make="Make a new collection key"
      confirmHeadingId="confirm-new-collection-key-heading"
      consequences={
        <>
          <li>A new key is made on this computer, under the same collection name.</li>
          <li>The old key file is kept in your data folder under another name. Nothing is deleted.</li>
          <li>Everything already imported stays as it is.</li>
          <li>
            Contributors will need the new key file, and must send again what you have not imported yet.
          </li>
        </>
      }
      replace={() => api['bundles:replace-locked-collection-key']({ confirm: true })}
      onReplaced={onReplaced}
    />
  );
}

/** What to tell contributors once a new collection key has replaced one this computer could not unlock. */
export function NewCollectionKeyNextSteps({ replaced }: { replaced: Replaced }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="nhsuk-inset-text" data-testid="new-collection-key">
      <h2 className="nhsuk-heading-s" tabIndex={-1} ref={headingRef}>
        You have a new collection key
      </h2>
      <p>
        The old key file was kept as {replaced.earlier.keptAs}
        {replaced.earlier.keyId !== '' && (
          <>
            {' '}
            and its fingerprint (<span className="pxr-fingerprint">{replaced.earlier.fingerprint}</span>) is
            kept on record
          </>
        )}
        .
      </p>
      <p>What to do next:</p>
      <ol className="nhsuk-list nhsuk-list--number">
        <li>Download the new collection key file below.</li>
        <li>
          Give it to every governor and clinical lead partner who sends you bundles, and check the fingerprint
          with each of them.
        </li>
        <li>
          Ask them to send again any bundle you have not imported yet: bundles made for the old key cannot be
          opened here.
        </li>
      </ol>
    </div>
  );
}
