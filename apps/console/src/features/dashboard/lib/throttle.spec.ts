import { throttle, type ThrottleClock } from './throttle';

/** A hand-driven clock: `advance` fires the timers that fall due, in order. */
function manualClock() {
  let now = 1_000_000;
  const timers = new Map<number, { at: number; run: () => void }>();
  let nextId = 1;
  const clock: ThrottleClock = {
    now: () => now,
    setTimeout: (run, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].run();
    }
    now = until;
  };
  return { clock, advance, pending: () => timers.size };
}

describe('throttle', () => {
  it('runs the first call at once', () => {
    const { clock } = manualClock();
    const run = jest.fn();
    throttle(run, 2000, clock).call();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('folds a storm of calls into one run per interval, and runs the last one at the end', () => {
    const { clock, advance } = manualClock();
    const run = jest.fn();
    const throttled = throttle(run, 2000, clock);
    // Two pulses a second for ten seconds: 20 calls.
    for (let i = 0; i < 20; i++) {
      throttled.call();
      advance(500);
    }
    advance(2000);
    // At 0, 2, 4, 6, 8 and 10 s: never more than one run every 2 s.
    expect(run).toHaveBeenCalledTimes(6);
  });

  it('runs again at once after a quiet interval', () => {
    const { clock, advance } = manualClock();
    const run = jest.fn();
    const throttled = throttle(run, 2000, clock);
    throttled.call();
    advance(2500);
    throttled.call();
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('defers a call within the interval to its end', () => {
    const { clock, advance } = manualClock();
    const run = jest.fn();
    const throttled = throttle(run, 2000, clock);
    throttled.call();
    advance(300);
    throttled.call();
    expect(run).toHaveBeenCalledTimes(1);
    advance(1699);
    expect(run).toHaveBeenCalledTimes(1);
    advance(1);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('drops the pending run when cancelled', () => {
    const { clock, advance, pending } = manualClock();
    const run = jest.fn();
    const throttled = throttle(run, 2000, clock);
    throttled.call();
    throttled.call();
    throttled.cancel();
    expect(pending()).toBe(0);
    advance(5000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
