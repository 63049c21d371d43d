import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { redisOptionsFromUrl } from '../config/redis-options';

/**
 * Counts failed logins per username in Redis, so the lockout holds whichever api instance the next
 * attempt reaches. After LOGIN_MAX_FAILURES within LOGIN_LOCKOUT_SECONDS the account is locked for
 * the rest of that window; a successful login clears the count.
 */
@Injectable()
export class LoginLockout implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.redis = new Redis(redisOptionsFromUrl(config.REDIS_URL));
    this.redis.on('error', () => undefined);
  }

  private key(username: string): string {
    return `${this.config.REDIS_PREFIX}:login-failures:${username.toLowerCase()}`;
  }

  /** Seconds until the account unlocks, or 0 when it is not locked. */
  async lockedFor(username: string): Promise<number> {
    const [failures, ttl] = await this.redis.multi().get(this.key(username)).ttl(this.key(username)).exec().then((results) => [
      Number(results?.[0]?.[1] ?? 0),
      Number(results?.[1]?.[1] ?? 0),
    ]);
    return failures >= this.config.LOGIN_MAX_FAILURES ? Math.max(ttl, 1) : 0;
  }

  async recordFailure(username: string): Promise<void> {
    const key = this.key(username);
    const results = await this.redis.multi().incr(key).ttl(key).exec();
    const ttl = Number(results?.[1]?.[1] ?? -1);
    if (ttl < 0) await this.redis.expire(key, this.config.LOGIN_LOCKOUT_SECONDS);
  }

  async clear(username: string): Promise<void> {
    await this.redis.del(this.key(username));
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
