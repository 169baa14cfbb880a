import { api } from '../../api-client';
import { hrefFor } from '../../lib/routes';
import { useLoad } from '../../lib/use-load';

/**
 * On the home page until a recovery key has been made: without one, a re-imaged laptop or a new
 * user profile leaves the data locked for good.
 */
export function RecoveryKeyReminder() {
  const [status] = useLoad(() => api['recovery:status']({}), []);
  if (status.state !== 'ready' || status.value.state !== 'open' || status.value.madeAt !== null) return null;
  return (
    <div className="nhsuk-warning-callout">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          Make your recovery key
        </span>
      </h2>
      <p>
        Your data is locked with a key that only this computer’s account can read. If the laptop is replaced,
        re-imaged or your account is reset, the recovery key is the only way to open your data again.
      </p>
      <p>
        <a href={hrefFor({ name: 'recovery-key' })}>Make your recovery key and print it</a>
      </p>
    </div>
  );
}
