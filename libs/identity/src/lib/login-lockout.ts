import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, redisOptionsFromUrl, type AppConfig } from '@netduty/platform-config';
import { watchRedisClient } from '@netduty/platform-redis';

/** How long an address the user logged in from stays "known" (exempt from the account-wide limit). */
const KNOWN_ADDRESS_SECONDS = 30 * 24 * 3600;

/**
 * Counts the attempt and decides, in one atomic step, whether it may reach the password check.
 * KEYS: per (account, address) counter, account-wide counter, the account's known addresses.
 * ARGV: window seconds, per-address limit, account-wide limit, this address.
 * Returns {1, 0} to go on, or {0, seconds until it unlocks}.
 */
const BEGIN_ATTEMPT = `
local pair = redis.call('INCR', KEYS[1])
if pair == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
if pair > tonumber(ARGV[2]) then return {0, redis.call('TTL', KEYS[1])} end
local account = redis.call('INCR', KEYS[2])
if account == 1 then redis.call('EXPIRE', KEYS[2], ARGV[1]) end
if account > tonumber(ARGV[3]) and redis.call('SISMEMBER', KEYS[3], ARGV[4]) == 0 then
  return {0, redis.call('TTL', KEYS[2])}
end
return {1, 0}
`;

/** A successful login was not a failure: forget this address's count, uncount it account-wide, remember the address. */
const SUCCEEDED = `
redis.call('DEL', KEYS[1])
if redis.call('EXISTS', KEYS[2]) == 1 and tonumber(redis.call('GET', KEYS[2])) > 0 then redis.call('DECR', KEYS[2]) end
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('EXPIRE', KEYS[3], ARGV[2])
return 1
`;

export type LoginAttemptVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Login throttling in Redis, so it holds whichever api instance an attempt reaches. Every attempt is
 * counted before its password is checked (so a parallel burst cannot slip past the limit):
 * - per (account, client address): after LOGIN_MAX_FAILURES attempts that did not succeed within
 *   LOGIN_LOCKOUT_SECONDS, that address is locked out of that account for the rest of the window —
 *   someone guessing from one address cannot lock the real user out from another;
 * - per account, from all addresses: after LOGIN_ACCOUNT_MAX_FAILURES, only addresses the user has
 *   logged in from in the last 30 days may keep trying, which stops distributed guessing without
 *   shutting the user out of their usual workstation.
 */
@Injectable()
export class LoginLockout implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.redis = new Redis(redisOptionsFromUrl(config.REDIS_URL));
    watchRedisClient(this.redis, 'login lockout');
  }

  private keys(username: string, address: string | null): [string, string, string] {
    const account = encodeURIComponent(username.toLowerCase());
    const base = `${this.config.REDIS_PREFIX}:login`;
    return [`${base}:attempts:${account}:${encodeURIComponent(address ?? 'unknown')}`, `${base}:attempts:${account}`, `${base}:known-addresses:${account}`];
  }

  /** Counts this attempt; call before checking the password and refuse it when not allowed. */
  async begin(username: string, address: string | null): Promise<LoginAttemptVerdict> {
    const result = (await this.redis.eval(
      BEGIN_ATTEMPT,
      3,
      ...this.keys(username, address),
      this.config.LOGIN_LOCKOUT_SECONDS,
      this.config.LOGIN_MAX_FAILURES,
      this.config.LOGIN_ACCOUNT_MAX_FAILURES,
      address ?? 'unknown',
    )) as [number, number];
    return result[0] === 1 ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(result[1], 1) };
  }

  async succeeded(username: string, address: string | null): Promise<void> {
    await this.redis.eval(SUCCEEDED, 3, ...this.keys(username, address), address ?? 'unknown', KNOWN_ADDRESS_SECONDS);
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
