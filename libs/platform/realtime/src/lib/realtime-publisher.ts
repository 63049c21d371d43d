import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import { Redis } from 'ioredis';
import type { IncidentBatchPayload, IncidentDto, ServerEventMeta, ServerEventName, ServerEventPayload, ServerToClientEvents } from '@netduty/contracts';
import { INCIDENT_BATCH_MAX, SOCKET_ROOMS } from '@netduty/contracts';
import { roomsOfRow } from '@netduty/domain';
import { APP_CONFIG, redisOptionsFromUrl, type AppConfig } from '@netduty/platform-config';
import { watchRedisClient } from '@netduty/platform-redis';

/** The key prefix shared by the socket.io Redis adapter (api) and this emitter (api and worker). */
export function socketIoRedisKey(prefix: string): string {
  return `${prefix}:socket.io`;
}

/** How far back a reconnecting console is replayed; a longer absence is covered by its board refetch. */
export const EVENT_REPLAY_WINDOW_MS = 2 * 60_000;
/** Replay starts this much before the console's last event id: publishers' ids and emits may interleave. */
const EVENT_REPLAY_OVERLAP_MS = 5_000;
const EVENT_LOG_MAX_ENTRIES = 20_000;

export interface LoggedServerEvent<E extends ServerEventName = ServerEventName> {
  event: E;
  payload: ServerEventPayload<E>;
  meta: ServerEventMeta;
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
  private readonly eventLogKey: string;
  private readonly incidentChangesKey: string;
  private closing = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.eventLogKey = `${config.REDIS_PREFIX}:console-events`;
    this.incidentChangesKey = `${config.REDIS_PREFIX}:incident-changes`;
    this.redis = new Redis({ ...redisOptionsFromUrl(config.REDIS_URL), lazyConnect: false });
    watchRedisClient(this.redis, 'realtime publisher');
    this.emitter = new Emitter<ServerToClientEvents>(this.redis, { key: socketIoRedisKey(config.REDIS_PREFIX) });
  }

  /**
   * Rooms that may see an incident: those of every scope filter that lets it through (`roomsOfRow`, the
   * counterpart of the rooms a console joins): all, its operator, its operator within its commune, and
   * each assigned responder.
   */
  roomsFor(incident: Pick<IncidentDto, 'site' | 'responders'>): string[] {
    return roomsOfRow({
      operatorCode: incident.site.operator.code,
      communeCodes: [incident.site.commune.code],
      assigneeIds: incident.responders.map((responder) => responder.id),
    });
  }

  /** Closes every socket of a user on every api instance (disabled, re-scoped, logged out everywhere). */
  disconnectUser(userId: string): void {
    if (this.closing) return;
    this.emitter.in(SOCKET_ROOMS.user(userId)).disconnectSockets(true);
  }

  /** Closes the user's sockets of every session but one (a password change keeps the session making it). */
  disconnectOtherSessions(userId: string, keptSessionId: string): void {
    if (this.closing) return;
    this.emitter.in(SOCKET_ROOMS.user(userId)).except(SOCKET_ROOMS.session(keptSessionId)).disconnectSockets(true);
  }

  /**
   * Logs the event in a Redis stream (its id becomes the event's id), then broadcasts it. The log lets
   * an api instance replay to a reconnecting console what it missed, even when the instance it was
   * connected to died (kill -9) and could not save anything about it.
   */
  publish<E extends ServerEventName>(rooms: string[], event: E, payload: ServerEventPayload<E>): void {
    // The emitter does not await its PUBLISH: after quit() it would be an unhandled rejection. At
    // shutdown the event is simply not broadcast; consoles refetch on reconnect and Postgres has it.
    if (this.closing) return;
    // The emitter's typing is per event; the map guarantees payload matches the event name.
    const emit = (meta: ServerEventMeta) =>
      !this.closing &&
      (this.emitter.to(rooms).emit as (event: E, payload: ServerEventPayload<E>, meta: ServerEventMeta) => boolean)(event, payload, meta);
    // Counted for the analytics pulse (every api instance reads the counter, not the events).
    if (event.startsWith('incident.')) void this.redis.incr(this.incidentChangesKey).catch(() => undefined);
    // One connection, commands in order: events of one process are logged and broadcast in order.
    void this.redis
      .xadd(this.eventLogKey, 'MAXLEN', '~', String(EVENT_LOG_MAX_ENTRIES), '*', 'rooms', JSON.stringify(rooms), 'event', event, 'payload', JSON.stringify(payload))
      .then(
        (eventId): ServerEventMeta => ({ eventId }),
        (error: Error): ServerEventMeta => {
          this.logger.warn(`event log: ${error.message}`);
          return { eventId: null };
        },
      )
      .then(emit)
      // Only at shutdown (connection closed): the event is logged or not, nothing else to do.
      .catch((error: Error) => this.logger.warn(`realtime publish: ${error.message}`));
  }

  /**
   * Many incidents in few frames (the alarm path): each room gets one `incidents.batch` listing the
   * incidents it may see (roomsFor), in chunks of INCIDENT_BATCH_MAX. A console is in one room of its
   * scope (or one per commune of a commune-scoped cluster), so a storm's batch is one frame or a few.
   */
  publishIncidentBatch(created: readonly IncidentDto[], updated: readonly IncidentDto[]): void {
    const groups = new Map<string, IncidentBatchPayload>();
    const add = (incident: IncidentDto, kind: keyof IncidentBatchPayload) => {
      for (const room of this.roomsFor(incident)) {
        const group = groups.get(room) ?? { created: [], updated: [] };
        group[kind].push(incident);
        groups.set(room, group);
      }
    };
    for (const incident of created) add(incident, 'created');
    for (const incident of updated) add(incident, 'updated');
    for (const [room, group] of groups) {
      const all = [...group.created.map((incident) => ['created', incident] as const), ...group.updated.map((incident) => ['updated', incident] as const)];
      for (let start = 0; start < all.length; start += INCIDENT_BATCH_MAX) {
        const chunk = all.slice(start, start + INCIDENT_BATCH_MAX);
        this.publish([room], 'incidents.batch', {
          created: chunk.filter(([kind]) => kind === 'created').map(([, incident]) => incident),
          updated: chunk.filter(([kind]) => kind === 'updated').map(([, incident]) => incident),
        });
      }
    }
  }

  /** The events for any of `rooms` logged after `lastEventId` (with a small overlap; consoles dedupe by id). */
  async missedSince(lastEventId: string, rooms: string[]): Promise<LoggedServerEvent[]> {
    const lastMs = Number(lastEventId.split('-')[0]);
    const fromMs = Math.max(lastMs - EVENT_REPLAY_OVERLAP_MS, Date.now() - EVENT_REPLAY_WINDOW_MS);
    const entries = await this.redis.xrange(this.eventLogKey, String(fromMs), '+', 'COUNT', EVENT_LOG_MAX_ENTRIES);
    const wanted = new Set(rooms);
    const missed: LoggedServerEvent[] = [];
    for (const [eventId, fields] of entries) {
      const field = (name: string) => fields[fields.indexOf(name) + 1] ?? '';
      const eventRooms = JSON.parse(field('rooms')) as string[];
      if (!eventRooms.some((room) => wanted.has(room))) continue;
      missed.push({ event: field('event') as ServerEventName, payload: JSON.parse(field('payload')) as ServerEventPayload<ServerEventName>, meta: { eventId } });
    }
    return missed;
  }

  /**
   * How many incident events were published (by every process) since the counter began. A counter
   * that went backwards (Redis lost its data) is a change too: the reader compares for inequality.
   */
  async incidentChanges(): Promise<number> {
    return Number((await this.redis.get(this.incidentChangesKey)) ?? 0);
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await this.redis.quit().catch(() => undefined);
  }
}
