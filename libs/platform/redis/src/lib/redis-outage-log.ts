import { Logger } from '@nestjs/common';

interface RedisEventSource {
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'ready', listener: () => void): unknown;
}

const logger = new Logger('Redis');
const CONNECTION_ERROR = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EPIPE|EHOSTUNREACH|Connection is closed|connect/i;

/** One outage per process at a time, whichever of its clients notices first. */
let outage: { since: number; source: string } | undefined;

function outageBegins(source: string, error: Error): void {
  if (outage) return;
  outage = { since: Date.now(), source };
  logger.warn(JSON.stringify({ event: 'redis.unavailable', source, reason: error.message }));
}

function outageEnds(source: string): void {
  if (!outage) return;
  logger.log(JSON.stringify({ event: 'redis.recovered', source, downForMs: Date.now() - outage.since }));
  outage = undefined;
}

/**
 * Gives a Redis client (ioredis, or a BullMQ queue or worker) the error listener every one of them
 * needs — without one, ioredis and BullMQ print a raw stack for every failed reconnect attempt.
 * A lost connection is logged as one structured warning per outage per process, and its end as one
 * line when any client is ready again; other errors are logged once each, as a message.
 */
export function watchRedisClient(client: RedisEventSource, source: string): void {
  client.on('error', (error: Error) => {
    if (CONNECTION_ERROR.test(error.message) || outage) outageBegins(source, error);
    else logger.warn(JSON.stringify({ event: 'redis.error', source, reason: error.message }));
  });
  client.on('ready', () => outageEnds(source));
}
