/**
 * Wraps an async operation so that concurrent callers share one run: while a run is in flight every
 * call returns the same promise; the next call after it settles starts a new run.
 *
 * The refresh token is single-use and rotated on every refresh: two parallel refreshes would present
 * the same token twice, which the api treats as token theft and answers by revoking the whole session.
 */
export function singleFlight<T>(run: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  return () => {
    if (!inFlight) {
      inFlight = (async () => {
        try {
          return await run();
        } finally {
          inFlight = null;
        }
      })();
    }
    return inFlight;
  };
}
