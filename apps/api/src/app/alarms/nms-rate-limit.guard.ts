import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerOptions } from '@nestjs/throttler';
import type { AppConfig } from '@netduty/platform-config';
import { RetryLaterError } from '@netduty/platform-errors';
import type { NmsRequest } from './nms-request';

export const NMS_THROTTLER = 'nms';
/** Past this, a Redis that does not answer is taken as away: the request goes on unlimited. */
const STORAGE_TIMEOUT_MS = 250;

/**
 * The per-source limit, as a named throttler of the api's existing ThrottlerModule (whose counters are
 * in Redis, so the limit holds across every api instance; one EVAL a request). Chosen over an
 * in-process token bucket for that reason, and because the module, its storage and its outage
 * reporting already exist. It counts per sourceSystemId, over all the TMF write routes together (one
 * key a source, not one per handler), in windows of one second; it applies only to requests with an
 * authenticated NMS, so the /auth routes' guard never counts against it.
 */
export function nmsThrottler(config: AppConfig): ThrottlerOptions {
  return {
    name: NMS_THROTTLER,
    ttl: 1_000,
    limit: config.ALARM_RATE_LIMIT_PER_SECOND,
    skipIf: (context) => context.switchToHttp().getRequest<NmsRequest>().nms === undefined,
    getTracker: (request) => Promise.resolve((request as NmsRequest).nms?.sourceSystemId ?? ''),
    generateKey: (_context, tracker, name) => `${name}:${tracker}`,
  };
}

/**
 * The NMS routes' throttler guard: only the `nms` throttler (not /auth's per-address one); a refusal is
 * a 429 whose Retry-After is the seconds left in the window; and while Redis is away or slow the
 * intake is not held up — it fails open, logged, as every other Redis use of NetDuty degrades.
 */
@Injectable()
export class NmsRateLimitGuard extends ThrottlerGuard {
  private storageAway = false;

  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    this.throttlers = this.throttlers.filter((throttler) => throttler.name === NMS_THROTTLER);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const counted = super.canActivate(context);
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), STORAGE_TIMEOUT_MS)));
    try {
      const outcome = await Promise.race([counted, timedOut]);
      if (outcome === 'timeout') {
        counted.catch(() => undefined);
        this.noteStorageAway('timeout');
        return true;
      }
      this.storageAway = false;
      return outcome;
    } catch (error) {
      if (error instanceof RetryLaterError) throw error;
      this.noteStorageAway((error as Error).message);
      return true;
    } finally {
      clearTimeout(timer);
    }
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new RetryLaterError(Math.max(1, Math.ceil(detail.timeToBlockExpire)), `more than ${detail.limit} alarm writes a second from this source`);
  }

  private noteStorageAway(reason: string): void {
    if (!this.storageAway) this.logger.warn(JSON.stringify({ event: 'alarm.rate_limit.unavailable', reason }));
    this.storageAway = true;
  }
}
