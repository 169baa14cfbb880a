import { api } from '../../api-client';
import { WarningCallout } from '../../components/WarningCallout';
import { useLoad } from '../../lib/use-load';
import { hrefFor } from '../../lib/routes';

/** Settings says plainly when the signing key cannot be unlocked here, and where to make a new one. */
export function SigningKeyState() {
  const [keyState] = useLoad(() => api['signing:key-state']({}), []);
  const locked = keyState.state === 'ready' && keyState.value.state === 'locked';
  return (
    <>
      <h2 className="nhsuk-heading-m">Signing key</h2>
      {locked ? (
        <WarningCallout
          level="h3"
          testId="settings-signing-key-locked"
          title="Your signing key cannot be unlocked on this computer"
        >
          <p>
            It was made on another computer or user account. You cannot sign off or export until you make a
            new one. <a href={hrefFor({ name: 'signing-key' })}>Make a new signing key</a>
          </p>
        </WarningCallout>
      ) : (
        <p className="nhsuk-body">
          Everything you sign off or export is signed with your own key.{' '}
          <a href={hrefFor({ name: 'signing-key' })}>See your signing key and the signers you trust</a>
        </p>
      )}
    </>
  );
}
