import { useSyncExternalStore } from 'react';
import { ticker } from './ticker';

/** The shared ticker's time in ms; re-renders the caller once a second. */
export function useNow(): number {
  return useSyncExternalStore(ticker.subscribe, ticker.now);
}

/**
 * Derives a primitive from the shared ticker; the caller re-renders only when that value changes
 * (e.g. the number of breached incidents), not on every tick.
 */
export function useNowDerived<T extends string | number | boolean>(select: (nowMs: number) => T): T {
  return useSyncExternalStore(ticker.subscribe, () => select(ticker.now()));
}
