// Publishing works offline: what was signed off waits in the outbox, and this sends it once the
// hub can be reached. While the outbox holds something and a hub is set up, a timer tries again,
// waiting twice as long after each failure (30 seconds up to 15 minutes) so an unreachable hub
// is not hammered, and going back to the short wait once a try gets through. The clock and the
// timers are passed in, so tests decide when a wait ends.

export const FIRST_RETRY_MS = 30_000;
export const LONGEST_RETRY_MS = 15 * 60_000;

export type RetryTimers = {
  setTimer: (run: () => void, ms: number) => ReturnType<typeof setTimeout>;
  clearTimer: (handle: ReturnType<typeof setTimeout>) => void;
};

export const realTimers: RetryTimers = {
  setTimer: (run, ms) => {
    const handle = setTimeout(run, ms);
    // A waiting retry must not keep the app (or a test run) from ending.
    handle.unref?.();
    return handle;
  },
  clearTimer: (handle) => clearTimeout(handle),
};

export type OutboxRetry = {
  /** Starts waiting to try, if there is something to send and nothing is waiting already. */
  schedule: () => void;
  /** Stops waiting: the app is closing. */
  stop: () => void;
  /** When the next try is due, and why the last one failed (null once one got through). */
  state: () => { nextAttemptAt: string | null; lastError: string | null };
  /** Settles when a try that is under way has finished (for tests and closing cleanly). */
  idle: () => Promise<void>;
};

export function createOutboxRetry(options: {
  timers: RetryTimers;
  now: () => Date;
  /** Whether the outbox holds something and a hub is set up to send it to. */
  due: () => boolean;
  /** Whether a publish the person started is under way: the retry waits its turn. */
  busy: () => boolean;
  /** Sends the outbox; throws, in plain words, when the hub cannot take it. */
  send: () => Promise<void>;
  firstDelayMs?: number;
  longestDelayMs?: number;
}): OutboxRetry {
  const first = options.firstDelayMs ?? FIRST_RETRY_MS;
  const longest = options.longestDelayMs ?? LONGEST_RETRY_MS;
  let delay = first;
  let handle: ReturnType<typeof setTimeout> | null = null;
  let nextAttemptAt: string | null = null;
  let lastError: string | null = null;
  let attempt: Promise<void> = Promise.resolve();
  let stopped = false;

  const schedule = () => {
    if (stopped || handle !== null || !options.due()) return;
    nextAttemptAt = new Date(options.now().getTime() + delay).toISOString();
    handle = options.timers.setTimer(() => {
      handle = null;
      nextAttemptAt = null;
      attempt = tryNow();
    }, delay);
  };

  const tryNow = async () => {
    if (stopped) return;
    if (options.busy() || !options.due()) {
      schedule();
      return;
    }
    try {
      await options.send();
      lastError = null;
      delay = first;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      delay = Math.min(delay * 2, longest);
    }
    schedule();
  };

  return {
    schedule,
    stop: () => {
      stopped = true;
      if (handle !== null) options.timers.clearTimer(handle);
      handle = null;
      nextAttemptAt = null;
    },
    state: () => ({ nextAttemptAt, lastError }),
    idle: () => attempt,
  };
}
