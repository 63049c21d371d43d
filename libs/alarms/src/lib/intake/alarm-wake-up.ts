import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, redisOptionsFromUrl, type AppConfig } from '@netduty/platform-config';
import { watchRedisClient } from '@netduty/platform-redis';
// The worker's processor owns the channel's name; the intake only publishes on it.
import { alarmWakeChannel } from '../processing/alarm-processor.service';

/**
 * Wakes the alarm workers after a commit, so they need not wait for their next poll. Best effort: the
 * events are in Postgres already and the worker polls anyway, so a failed publish is logged and
 * forgotten. Its client fails fast rather than queueing while Redis is away (a queued wake-up is worth
 * nothing later, and the queue would grow with every batch of an outage).
 */
@Injectable()
export class AlarmWakeUp implements OnModuleDestroy {
  private readonly logger = new Logger(AlarmWakeUp.name);
  private readonly redis: Redis;
  private readonly channel: string;
  private failing = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.channel = alarmWakeChannel(config.REDIS_PREFIX);
    this.redis = new Redis({ ...redisOptionsFromUrl(config.REDIS_URL), maxRetriesPerRequest: 1, enableOfflineQueue: false });
    watchRedisClient(this.redis, 'alarm wake-up');
  }

  /** `lastEventId`: the newest alarm_events id of the commit, so a worker can tell it has seen it already. */
  publish(lastEventId: string): void {
    this.redis.publish(this.channel, lastEventId).then(
      () => {
        if (this.failing) this.logger.log(JSON.stringify({ event: 'alarm.wake_up.recovered' }));
        this.failing = false;
      },
      (error: Error) => {
        // One line per failing spell, not one per batch: the worker's poll covers the gap.
        if (!this.failing) this.logger.warn(JSON.stringify({ event: 'alarm.wake_up.failed', reason: error.message }));
        this.failing = true;
      },
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
