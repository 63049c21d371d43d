import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import { Redis } from 'ioredis';
import type { IncidentDto, ServerEventName, ServerEventPayload, ServerToClientEvents } from '@netduty/contracts';
import { SOCKET_ROOMS } from '@netduty/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { redisOptionsFromUrl } from '../config/redis-options';

/** The key prefix shared by the socket.io Redis adapter (api) and this emitter (api and worker). */
export function socketIoRedisKey(prefix: string): string {
  return `${prefix}:socket.io`;
}

/**
 * Sends server → console events through Redis, so an event raised in any api or worker process reaches
 * every console connected to any api instance. No process keeps socket state of its own.
 */
@Injectable()
export class RealtimePublisher implements OnModuleDestroy {
  private readonly logger = new Logger(RealtimePublisher.name);
  private readonly redis: Redis;
  private readonly emitter: Emitter<ServerToClientEvents>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis({ ...redisOptionsFromUrl(config.REDIS_URL), lazyConnect: false });
    this.redis.on('error', (error: Error) => this.logger.warn(`redis emitter: ${error.message}`));
    this.emitter = new Emitter<ServerToClientEvents>(this.redis, { key: socketIoRedisKey(config.REDIS_PREFIX) });
  }

  /**
   * Rooms that may see an incident: the all-seeing scope, its operator (whole-operator cluster staff),
   * its operator within its commune (cluster staff narrowed to a cluster) and each assigned responder.
   */
  roomsFor(incident: Pick<IncidentDto, 'site' | 'responders'>): string[] {
    return [
      SOCKET_ROOMS.all,
      SOCKET_ROOMS.operator(incident.site.operator.code),
      SOCKET_ROOMS.operatorCommune(incident.site.operator.code, incident.site.commune.code),
      ...incident.responders.map((responder) => SOCKET_ROOMS.responder(responder.id)),
    ];
  }

  /** Closes every socket of a user on every api instance (disabled, re-scoped, logged out everywhere). */
  disconnectUser(userId: string): void {
    this.emitter.in(SOCKET_ROOMS.user(userId)).disconnectSockets(true);
  }

  publish<E extends ServerEventName>(rooms: string[], event: E, payload: ServerEventPayload<E>): void {
    // The emitter's typing is per event; the map guarantees payload matches the event name.
    (this.emitter.to(rooms).emit as (event: E, payload: ServerEventPayload<E>) => boolean)(event, payload);
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
