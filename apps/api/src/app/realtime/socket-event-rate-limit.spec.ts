import { TokenBucket } from './socket-event-rate-limit';

describe('token bucket for inbound socket events', () => {
  it('allows a burst, then the rate, refilling from the clock and never beyond the burst', () => {
    const bucket = new TokenBucket(5, 3, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    // 5 per second: one token every 200 ms.
    expect(bucket.take(100)).toBe(false);
    expect(bucket.take(300)).toBe(true);
    expect(bucket.take(300)).toBe(false);
    // A long pause refills only up to the burst.
    expect([bucket.take(60_000), bucket.take(60_000), bucket.take(60_000), bucket.take(60_000)]).toEqual([true, true, true, false]);
  });
});
