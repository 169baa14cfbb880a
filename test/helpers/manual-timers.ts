/** Timers the test runs by hand: it decides when a pause in typing or a retry wait ends. */
export function manualTimers() {
  let next = 1;
  const pending = new Map<number, { run: () => void; ms: number }>();
  return {
    setTimer: (run: () => void, ms: number) => {
      const id = next++;
      pending.set(id, { run, ms });
      return id as unknown as ReturnType<typeof setTimeout>;
    },
    clearTimer: (handle: ReturnType<typeof setTimeout>) => {
      pending.delete(handle as unknown as number);
    },
    /** How long each waiting timer was set for. */
    delays: () => [...pending.values()].map((t) => t.ms),
    fireAll: () => {
      const due = [...pending.values()];
      pending.clear();
      for (const t of due) t.run();
    },
  };
}
