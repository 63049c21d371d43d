/**
 * A flapping alarm raises and clears over and over (a loose connector, a link at the edge of its fade
 * margin, a mains supply that keeps dropping). Opening and resolving an incident for each cycle buries the
 * board, so a flapping alarm keeps one incident open instead.
 */
export interface FlapPolicy {
  /** How many raise → clear cycles make an alarm flapping. */
  cycles: number;
  windowSeconds: number;
}

export const DEFAULT_FLAP_POLICY: Readonly<FlapPolicy> = { cycles: 3, windowSeconds: 600 };

function assertDuration(seconds: number): void {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`window ${seconds} is not a duration`);
}

/**
 * Whether at least `policy.cycles` cycles, given by their clear times, fall in the window that ends at
 * `now` (both ends included). A clear stamped after `now` has not happened yet and does not count.
 */
export function isFlapping(clearTimes: readonly Date[], now: Date, policy: FlapPolicy): boolean {
  assertDuration(policy.windowSeconds);
  if (!Number.isInteger(policy.cycles) || policy.cycles < 1) throw new RangeError(`cycles ${policy.cycles} is not a positive whole number`);
  const end = now.getTime();
  const start = end - policy.windowSeconds * 1000;
  const inWindow = clearTimes.filter((clearedAt) => clearedAt.getTime() >= start && clearedAt.getTime() <= end);
  return inWindow.length >= policy.cycles;
}

/**
 * Whether an alarm raised at `raisedAt` reopens the incident its previous clear resolved at
 * `lastResolvedAt`, rather than opening a new one: it does within `windowSeconds` of the resolution, so a
 * fault that comes straight back keeps its history and its responder. An alarm raised
 * before the resolution (delivered late) belongs to that incident too. Nothing resolved, nothing to reopen.
 */
export function reraiseReopens(lastResolvedAt: Date | null, raisedAt: Date, windowSeconds: number): boolean {
  assertDuration(windowSeconds);
  if (lastResolvedAt === null) return false;
  return raisedAt.getTime() - lastResolvedAt.getTime() <= windowSeconds * 1000;
}
