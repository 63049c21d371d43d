import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, redisOptionsFromUrl, type AppConfig } from '@netduty/platform-config';
import { AuditService } from './audit.service';

/** Refusals of one (address, method, route) are counted per window of this length. */
export const REFUSAL_WINDOW_MS = 60_000;
/** Distinct (address, route) buckets per window; refusals past it share one bucket with address "*". */
export const MAX_REFUSAL_BUCKETS_PER_WINDOW = 200;
const FLUSH_EVERY_MS = 15_000;
const KEY_TTL_SECONDS = 24 * 3600;

export interface AnonymousRefusal {
  ip: string | null;
  userAgent: string | null;
  method: string;
  /** The route's template (`/api/v1/incidents/:id`), so varying an id or a query opens no new bucket. */
  route: string;
  /** The URL as sent, kept on the first row of a bucket only. */
  url: string | null;
  statusCode: number;
  code: string;
}

/**
 * Counts an anonymous 401/403 in one Redis hash per (address, method, route, window), atomically:
 * a new bucket past the window's limit goes to the overflow bucket. Returns the bucket's count so far.
 */
const COUNT_REFUSAL = `
local target = KEYS[1]
local member = ARGV[1]
if redis.call('EXISTS', KEYS[1]) == 0 then
  local buckets = redis.call('INCR', KEYS[3])
  redis.call('EXPIRE', KEYS[3], ARGV[2])
  if buckets > tonumber(ARGV[3]) then
    target = KEYS[2]
    member = ARGV[4]
  end
end
local count = redis.call('HINCRBY', target, 'count', 1)
if count == 1 then
  if target == KEYS[1] then
    redis.call('HSET', target, 'ip', ARGV[5], 'userAgent', ARGV[6], 'method', ARGV[7], 'path', ARGV[8], 'statusCode', ARGV[9], 'code', ARGV[10])
  else
    redis.call('HSET', target, 'ip', '*', 'userAgent', '', 'method', '*', 'path', '*', 'statusCode', ARGV[9], 'code', ARGV[10])
  end
  redis.call('EXPIRE', target, ARGV[2])
  redis.call('SADD', KEYS[4], member)
end
return {count, target == KEYS[1] and 1 or 0}
`;

/** Takes a bucket out of Redis once, whichever api instance asks first. */
const TAKE_BUCKET = `
local fields = redis.call('HGETALL', KEYS[1])
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
return fields
`;

/**
 * Anonymous refusals (no token, a bad or expired one) are the cheapest requests to send, so each may not
 * cost a permanent audit row. The first of each (address, method, route) in a minute is written at once;
 * the rest are counted in Redis and written as one row per bucket after the minute closes
 * (`after.count` = how many it stands for), so the sum of counts is every refusal. Failed logins and
 * refusals of signed-in users are written one by one as before. Without Redis each refusal is written
 * on its own: the trail loses nothing, it only stops being compact.
 */
@Injectable()
export class AnonymousRefusalAudit implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AnonymousRefusalAudit.name);
  private readonly redis: Redis;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {
    this.redis = new Redis({ ...redisOptionsFromUrl(config.REDIS_URL), maxRetriesPerRequest: 1 });
    this.redis.on('error', () => undefined);
  }

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.flush().catch((error: Error) => this.logger.warn(`flushing anonymous refusals failed: ${error.message}`));
    }, FLUSH_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush({ includeCurrentWindow: true }).catch(() => undefined);
    await this.redis.quit().catch(() => undefined);
  }

  private key(suffix: string): string {
    return `${this.config.REDIS_PREFIX}:audit:anonymous-refusals:${suffix}`;
  }

  async record(refusal: AnonymousRefusal): Promise<void> {
    const window = Math.floor(Date.now() / REFUSAL_WINDOW_MS);
    const bucket = createHash('sha256').update(JSON.stringify([refusal.ip, refusal.method, refusal.route])).digest('hex').slice(0, 24);
    const member = `${window}:${bucket}`;
    const overflow = `${window}:overflow`;
    let count: number;
    try {
      const result = (await this.redis.eval(
        COUNT_REFUSAL,
        4,
        this.key(member),
        this.key(overflow),
        this.key(`${window}:buckets`),
        this.key('pending'),
        member,
        KEY_TTL_SECONDS,
        MAX_REFUSAL_BUCKETS_PER_WINDOW,
        overflow,
        refusal.ip ?? '',
        refusal.userAgent?.slice(0, 400) ?? '',
        refusal.method,
        refusal.route,
        refusal.statusCode,
        refusal.code,
      )) as [number, number];
      count = Number(result[0]);
    } catch {
      count = 1; // Redis is away: write this one now rather than lose it.
    }
    if (count !== 1) return;
    await this.audit.record({
      action: 'authz.denied',
      outcome: 'denied',
      statusCode: refusal.statusCode,
      origin: { ip: refusal.ip, userAgent: refusal.userAgent, method: refusal.method, path: refusal.route },
      after: {
        code: refusal.code,
        count: 1,
        url: refusal.url?.slice(0, 400) ?? null,
        windowStartsAt: new Date(window * REFUSAL_WINDOW_MS).toISOString(),
      },
    });
  }

  /** Writes one row per closed bucket (all buckets with includeCurrentWindow) for the refusals counted after its first. */
  async flush(options: { includeCurrentWindow?: boolean } = {}): Promise<void> {
    const currentWindow = Math.floor(Date.now() / REFUSAL_WINDOW_MS);
    const members = await this.redis.smembers(this.key('pending'));
    for (const member of members) {
      const window = Number(member.split(':')[0]);
      if (!options.includeCurrentWindow && window >= currentWindow) continue;
      const flat = (await this.redis.eval(TAKE_BUCKET, 2, this.key(member), this.key('pending'), member)) as string[];
      const fields: Record<string, string> = {};
      for (let index = 0; index + 1 < flat.length; index += 2) fields[flat[index] as string] = flat[index + 1] as string;
      // The bucket's first refusal was written when it happened.
      const repeats = Number(fields['count'] ?? 0) - 1;
      if (repeats <= 0) continue;
      await this.audit.record({
        action: 'authz.denied',
        outcome: 'denied',
        statusCode: Number(fields['statusCode']) || null,
        actorUsername: null,
        actorUserId: null,
        actorRole: null,
        origin: { ip: fields['ip'] || null, userAgent: fields['userAgent'] || null, method: fields['method'] || null, path: fields['path'] || null },
        after: {
          code: fields['code'] ?? null,
          count: repeats,
          aggregated: true,
          windowStartsAt: new Date(window * REFUSAL_WINDOW_MS).toISOString(),
          windowEndsAt: new Date((window + 1) * REFUSAL_WINDOW_MS).toISOString(),
        },
      });
    }
  }
}
