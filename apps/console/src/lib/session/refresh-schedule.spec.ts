import { MIN_REFRESH_DELAY_MS, reconnectDelayMs, refreshDelayMs, tokenLifetimeMs } from './refresh-schedule';

describe('tokenLifetimeMs', () => {
  it('measures the lifetime on the server clock when it is known', () => {
    // The console's clock is 10 minutes fast; the token still has 15 minutes to live.
    const serverNow = Date.parse('2026-11-22T02:00:00Z');
    const localNow = serverNow + 10 * 60_000;
    expect(tokenLifetimeMs('2026-11-22T02:15:00Z', serverNow, localNow)).toBe(15 * 60_000);
  });

  it('falls back on the local clock, and never goes negative', () => {
    const localNow = Date.parse('2026-11-22T02:00:00Z');
    expect(tokenLifetimeMs('2026-11-22T02:15:00Z', undefined, localNow)).toBe(15 * 60_000);
    expect(tokenLifetimeMs('2026-11-22T01:00:00Z', undefined, localNow)).toBe(0);
    expect(tokenLifetimeMs('not a date', undefined, localNow)).toBe(0);
  });
});

describe('refreshDelayMs', () => {
  it('refreshes a minute before expiry', () => {
    expect(refreshDelayMs(15 * 60_000)).toBe(14 * 60_000);
  });

  it('refreshes half-way through a token shorter than two minutes', () => {
    expect(refreshDelayMs(90_000)).toBe(45_000);
  });

  it('does not hammer the api for tiny tokens, but refreshes at once for an expired one', () => {
    expect(refreshDelayMs(4_000)).toBe(2_000);
    expect(refreshDelayMs(12_000)).toBe(MIN_REFRESH_DELAY_MS + 1_000);
    expect(refreshDelayMs(0)).toBe(0);
  });
});

describe('reconnectDelayMs', () => {
  it('retries at once, then backs off exponentially up to a ceiling', () => {
    expect([0, 1, 2, 3, 4, 10].map((attempt) => reconnectDelayMs(attempt))).toEqual([0, 1_000, 2_000, 4_000, 8_000, 30_000]);
  });
});
