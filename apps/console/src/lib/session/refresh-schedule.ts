/** Refresh this long before the access token expires. */
export const REFRESH_MARGIN_MS = 60_000;
/** Never refresh more often than this on a schedule (a very short token, a clock gone wrong). */
export const MIN_REFRESH_DELAY_MS = 5_000;

/**
 * How long the access token lives, measured on the server's clock when it told us (the Date header)
 * so that a console whose clock is minutes off still refreshes on time.
 */
export function tokenLifetimeMs(expiresAtIso: string, serverTimeMs: number | undefined, localNowMs: number): number {
  const expiresAt = Date.parse(expiresAtIso);
  if (Number.isNaN(expiresAt)) return 0;
  return Math.max(0, expiresAt - (serverTimeMs ?? localNowMs));
}

/**
 * When to refresh proactively: a margin before expiry, or half-way through a token too short for the
 * margin; never sooner than MIN_REFRESH_DELAY_MS unless the token has already run out.
 */
export function refreshDelayMs(lifetimeMs: number, marginMs: number = REFRESH_MARGIN_MS): number {
  if (lifetimeMs <= 0) return 0;
  const delay = lifetimeMs > 2 * marginMs ? lifetimeMs - marginMs : lifetimeMs / 2;
  return Math.max(Math.min(MIN_REFRESH_DELAY_MS, lifetimeMs / 2), Math.round(delay));
}

/** Delay before the n-th consecutive reconnect attempt of the socket (0 for the first). */
export function reconnectDelayMs(attempt: number, baseMs = 1_000, maxMs = 30_000): number {
  if (attempt <= 0) return 0;
  return Math.min(maxMs, baseMs * 2 ** (attempt - 1));
}
