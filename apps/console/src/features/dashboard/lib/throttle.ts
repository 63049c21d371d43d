export interface Throttled {
  /** Runs now if the last run was at least the interval ago, otherwise once when the interval ends. */
  call(): void;
  /** Drops a pending run (on unmount). */
  cancel(): void;
}

export interface ThrottleClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: ThrottleClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Leading and trailing throttle: the first call runs at once, calls within `intervalMs` of a run fold
 * into one run at the end of the interval. A storm of analytics pulses thus refetches at most once per
 * interval, and the last change of the storm is always fetched.
 */
export function throttle(run: () => void, intervalMs: number, clock: ThrottleClock = realClock): Throttled {
  let lastRunAt = Number.NEGATIVE_INFINITY;
  let pending: unknown;
  let hasPending = false;
  const runNow = () => {
    hasPending = false;
    lastRunAt = clock.now();
    run();
  };
  return {
    call() {
      if (hasPending) return;
      const wait = lastRunAt + intervalMs - clock.now();
      if (wait <= 0) {
        runNow();
        return;
      }
      hasPending = true;
      pending = clock.setTimeout(runNow, wait);
    },
    cancel() {
      if (hasPending) clock.clearTimeout(pending);
      hasPending = false;
    },
  };
}
