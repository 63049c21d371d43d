import { withAuthRetry, type TokenSource } from './auth-retry';
import { singleFlight } from './single-flight';

class Unauthenticated extends Error {}
const isUnauthenticated = (error: unknown) => error instanceof Unauthenticated;

/** A fake api that accepts only the current token, and a token source refreshing through single-flight. */
function setup() {
  let valid = 'token-1';
  let current: string | null = 'token-1';
  let refreshes = 0;
  let releaseRefresh: () => void = () => undefined;
  const tokens: TokenSource = {
    accessToken: () => current,
    refresh: singleFlight(async () => {
      refreshes++;
      await new Promise<void>((resolve) => (releaseRefresh = resolve));
      valid = `token-${refreshes + 1}`;
      current = valid;
    }),
  };
  const sent: (string | null)[] = [];
  const send = async (token: string | null) => {
    sent.push(token);
    if (token !== valid) throw new Unauthenticated('401 not_authenticated');
    return `ok with ${token}`;
  };
  return {
    tokens,
    send,
    sent,
    refreshes: () => refreshes,
    expire: () => (valid = 'server-rotated'),
    release: () => releaseRefresh(),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('withAuthRetry', () => {
  it('sends once when the token is valid', async () => {
    const { tokens, send, refreshes } = setup();
    await expect(withAuthRetry(tokens, send, isUnauthenticated)).resolves.toBe('ok with token-1');
    expect(refreshes()).toBe(0);
  });

  it('turns two concurrent 401s into one refresh, then retries both with the new token', async () => {
    const api = setup();
    api.expire();
    const first = withAuthRetry(api.tokens, api.send, isUnauthenticated);
    const second = withAuthRetry(api.tokens, api.send, isUnauthenticated);
    await flush();
    api.release();
    await expect(Promise.all([first, second])).resolves.toEqual(['ok with token-2', 'ok with token-2']);
    expect(api.refreshes()).toBe(1);
    expect(api.sent).toEqual(['token-1', 'token-1', 'token-2', 'token-2']);
  });

  it('does not refresh again for a 401 on a token that was already replaced meanwhile', async () => {
    const api = setup();
    api.expire();
    // A slow request goes out with token-1 …
    let answerSlow: () => void = () => undefined;
    const slowSend = async (token: string | null) => {
      api.sent.push(token);
      if (token === 'token-1') {
        await new Promise<void>((resolve) => (answerSlow = resolve));
        throw new Unauthenticated('401 for token-1');
      }
      return `slow ok with ${token}`;
    };
    const slow = withAuthRetry(api.tokens, slowSend, isUnauthenticated);
    // … meanwhile another request fails and refreshes to token-2 …
    const fast = withAuthRetry(api.tokens, api.send, isUnauthenticated);
    await flush();
    api.release();
    await expect(fast).resolves.toBe('ok with token-2');
    // … and only then does the slow one get its 401: it retries with token-2, no second refresh.
    answerSlow();
    await expect(slow).resolves.toBe('slow ok with token-2');
    expect(api.refreshes()).toBe(1);
  });

  it('passes other errors through without refreshing', async () => {
    const api = setup();
    const failing = async () => {
      throw new Error('409 invalid_transition');
    };
    await expect(withAuthRetry(api.tokens, failing, isUnauthenticated)).rejects.toThrow('409');
    expect(api.refreshes()).toBe(0);
  });

  it('rethrows the original 401 when the refresh fails, and retries only once', async () => {
    const tokens: TokenSource = { accessToken: () => 'token-1', refresh: () => Promise.reject(new Error('refresh 401')) };
    const send = jest.fn(async () => {
      throw new Unauthenticated('401');
    });
    await expect(withAuthRetry(tokens, send, isUnauthenticated)).rejects.toBeInstanceOf(Unauthenticated);
    expect(send).toHaveBeenCalledTimes(1);

    const refreshed: TokenSource = { accessToken: () => 'token-1', refresh: () => Promise.resolve() };
    const stillRefused = jest.fn(async () => {
      throw new Unauthenticated('401 again');
    });
    await expect(withAuthRetry(refreshed, stillRefused, isUnauthenticated)).rejects.toThrow('401 again');
    expect(stillRefused).toHaveBeenCalledTimes(2);
  });
});
