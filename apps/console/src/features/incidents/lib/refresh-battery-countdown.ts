import type { QueryClient } from '@tanstack/react-query';
import { batteryKeys } from '../../generators/api/battery-keys';

/** A storm brings frames every few hundred milliseconds: the countdown is read again at most this often. */
export const BATTERY_REFRESH_THROTTLE_MS = 5_000;

const pending = new WeakMap<QueryClient, { last: number; timer: ReturnType<typeof setTimeout> | null }>();

/**
 * Reads the battery countdown again after an incident changed (a mains failure raised or cleared moves
 * it), at most once per BATTERY_REFRESH_THROTTLE_MS: the first change refreshes at once, later ones
 * within the window are folded into one refresh at its end.
 */
export function refreshBatteryCountdownSoon(queryClient: QueryClient, now = Date.now()): void {
  const state = pending.get(queryClient) ?? { last: 0, timer: null };
  pending.set(queryClient, state);
  if (state.timer) return;
  const wait = state.last + BATTERY_REFRESH_THROTTLE_MS - now;
  const run = () => {
    state.timer = null;
    state.last = Date.now();
    void queryClient.invalidateQueries({ queryKey: batteryKeys.countdown });
  };
  if (wait <= 0) run();
  else state.timer = setTimeout(run, wait);
}
