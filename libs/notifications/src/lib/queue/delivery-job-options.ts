/** Tries of one delivery, counted on the outbox row (BullMQ's own count restarts when a sweep re-enqueues). */
export const NOTIFICATION_MAX_ATTEMPTS = 8;
/** First retry after 1 s, then 2, 4, 8 … s: eight tries span about two minutes. */
export const NOTIFICATION_BACKOFF_MS = 1_000;
/** A claim older than this is taken to be a dead worker's; well over the 10 s send timeout. */
export const NOTIFICATION_CLAIM_LEASE_MS = 60_000;

/** The wait before try `attempt + 1` after `attempt` tries failed, as BullMQ's exponential backoff counts it. */
export function retryDelayMs(attempt: number): number {
  return NOTIFICATION_BACKOFF_MS * 2 ** Math.max(0, attempt - 1);
}

/** BullMQ's priority: 1 is served first; our rank 0 is the most urgent. */
export function jobPriority(urgencyRank: number): number {
  return Math.min(2_097_152, Math.max(1, Math.round(urgencyRank) + 1));
}
