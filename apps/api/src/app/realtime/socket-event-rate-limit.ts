import type { Socket } from 'socket.io';

/** Allows `ratePerSecond` on average and bursts of up to `burst`; refilled lazily from the clock. */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    now = Date.now(),
  ) {
    this.tokens = burst;
    this.refilledAt = now;
  }

  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.ratePerSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export interface InboundEventLimit {
  ratePerSecond: number;
  burst: number;
  /** Called once when the socket is closed for abuse. */
  onAbuse(socket: Socket): void;
}

/**
 * Meters every event a socket sends, before any handler runs. An event over the rate is dropped
 * without an answer (a console asks for the clock every few seconds, far below it); a socket that
 * keeps sending through a whole burst's worth of drops in a row is disconnected, so a flood costs the server a
 * counter per packet and then nothing.
 */
export function limitInboundEvents(socket: Socket, limit: InboundEventLimit): void {
  const bucket = new TokenBucket(limit.ratePerSecond, limit.burst);
  // Drops since the last accepted event: a console that once went over the rate starts afresh.
  let dropped = 0;
  socket.use((_packet, next) => {
    if (bucket.take()) {
      dropped = 0;
      return next();
    }
    dropped += 1;
    if (dropped === limit.burst) {
      limit.onAbuse(socket);
      socket.disconnect(true);
    }
    // Not calling next drops the packet; next(error) would raise an 'error' event nobody listens to.
  });
}
