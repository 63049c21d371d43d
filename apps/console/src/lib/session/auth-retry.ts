export interface TokenSource {
  /** The access token to send now (null when there is none). */
  accessToken(): string | null;
  /** Gets a new access token; concurrent callers must share one refresh (see singleFlight). */
  refresh(): Promise<unknown>;
}

/**
 * Sends a request with the current access token; when the api says the token is not (or no longer)
 * valid, refreshes once and retries once. If another request already refreshed meanwhile (the token
 * changed since this request was sent) it simply retries with the new token instead of refreshing
 * again. A failed refresh rethrows the original 401.
 */
export async function withAuthRetry<T>(
  tokens: TokenSource,
  send: (token: string | null) => Promise<T>,
  isUnauthenticated: (error: unknown) => boolean,
): Promise<T> {
  const used = tokens.accessToken();
  try {
    return await send(used);
  } catch (error) {
    if (!isUnauthenticated(error)) throw error;
    const current = tokens.accessToken();
    if (current === null || current === used) {
      try {
        await tokens.refresh();
      } catch {
        throw error;
      }
    }
    return send(tokens.accessToken());
  }
}
