import { useEffect, useState } from 'react';
import { api } from '../api-client';

// Checked at start and then once a minute: often enough to warn before saves fail, and the
// warning goes away by itself once space has been freed.
const CHECK_EVERY_MS = 60_000;

/** An NHS warning callout while the disk holding the data has under 200 MB free. */
export function DiskSpaceWarning() {
  const [freeBytes, setFreeBytes] = useState<number | null>(null);
  const [low, setLow] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const check = async () => {
      const result = await api['app:info']({});
      if (cancelled || !result.ok) return;
      setLow(result.value.diskSpace.low);
      setFreeBytes(result.value.diskSpace.freeBytes);
    };
    void check();
    const timer = setInterval(() => void check(), CHECK_EVERY_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);

  if (!low) return null;
  const megabytes = freeBytes === null ? null : Math.floor(freeBytes / (1024 * 1024));
  return (
    <div className="nhsuk-warning-callout" role="status">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          The disk is nearly full
        </span>
      </h2>
      <p>
        {megabytes === null ? 'Little space is left' : `Only ${megabytes} MB is left`} on the disk where PX
        Rounds keeps your data. Your work is still being saved, but free some space (empty the recycle bin, or
        move large files elsewhere) before it runs out.
      </p>
    </div>
  );
}
