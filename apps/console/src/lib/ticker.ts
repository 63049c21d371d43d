type Listener = () => void;

/**
 * The one clock every countdown reads. A single interval for the whole console (not one per row),
 * aligned to the wall-clock second so all countdowns change together; it runs only while someone
 * listens. `offsetMs` corrects for the difference between this machine's clock and the server's.
 */
export class Ticker {
  private readonly listeners = new Set<Listener>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private offsetMs = 0;
  private nowMs: number;

  constructor(
    private readonly periodMs = 1000,
    private readonly readClock: () => number = () => Date.now(),
  ) {
    this.nowMs = this.readClock();
  }

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    if (this.timer === undefined) this.schedule();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  };

  readonly now = (): number => this.nowMs;

  /** Server time minus local time, in ms; applied on the next tick. */
  setOffset(offsetMs: number): void {
    this.offsetMs = offsetMs;
    this.tick();
  }

  /** Reads the clock and notifies now (e.g. when a hidden tab becomes visible again). */
  readonly tick = (): void => {
    this.nowMs = this.readClock() + this.offsetMs;
    for (const listener of this.listeners) listener();
  };

  private schedule(): void {
    const local = this.readClock() + this.offsetMs;
    const untilNextBoundary = this.periodMs - (local % this.periodMs);
    this.timer = setTimeout(() => {
      this.tick();
      this.schedule();
    }, untilNextBoundary);
  }

  private stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

export const ticker = new Ticker();
