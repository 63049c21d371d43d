import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import { Redis } from 'ioredis';
import type { IncidentDto, ServerEventMeta, ServerEventName, ServerEventPayload, ServerToClientEvents } from '@netduty/contracts';
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
/**
 * `incidents.batch` frames a room gets per second from one publishing process, at most. A storm's
 * changes wait (≤ 1/this of a second) and merge by incident, so a console sees a few frames a second
 * with each incident's latest state, however fast the worker's batches come.
 */
export const INCIDENT_BATCH_FRAMES_PER_SECOND = 4;

interface PendingBatch {
  created: Map<string, IncidentDto>;
  updated: Map<string, IncidentDto>;
}

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
  /** Per room, the incidents waiting for its next `incidents.batch` frame. */
  private readonly pendingBatches = new Map<string, PendingBatch>();
  private batchTimer: NodeJS.Timeout | null = null;

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
   * Many incidents in few frames (the alarm path): each room gets `incidents.batch` frames listing the
   * incidents it may see (roomsFor). Changes are merged per room by incident (the latest state wins; an
   * incident created and then updated before its frame goes out stays `created`) and sent at most
   * INCIDENT_BATCH_FRAMES_PER_SECOND times a second, up to INCIDENT_BATCH_MAX incidents a frame.
   */
  publishIncidentBatch(created: readonly IncidentDto[], updated: readonly IncidentDto[]): void {
    if (this.closing) return;
    const pendingOf = (room: string): PendingBatch => {
      const pending = this.pendingBatches.get(room) ?? { created: new Map(), updated: new Map() };
      this.pendingBatches.set(room, pending);
      return pending;
    };
    for (const incident of created) for (const room of this.roomsFor(incident)) pendingOf(room).created.set(incident.id, incident);
    for (const incident of updated) {
      for (const room of this.roomsFor(incident)) {
        const pending = pendingOf(room);
        if (pending.created.has(incident.id)) pending.created.set(incident.id, incident);
        else pending.updated.set(incident.id, incident);
      }
    }
    if (this.batchTimer === null && this.pendingBatches.size > 0) {
      this.batchTimer = setInterval(() => this.flushIncidentBatches(1), 1000 / INCIDENT_BATCH_FRAMES_PER_SECOND);
      this.batchTimer.unref();
    }
  }

  /** Sends up to `framesPerRoom` frames to each room with incidents waiting; stops the timer when none wait. */
  private flushIncidentBatches(framesPerRoom: number): void {
    for (const [room, pending] of this.pendingBatches) {
      for (let frame = 0; frame < framesPerRoom && pending.created.size + pending.updated.size > 0; frame++) {
        const take = (from: Map<string, IncidentDto>, limit: number): IncidentDto[] => {
          const taken: IncidentDto[] = [];
          for (const [id, incident] of from) {
            if (taken.length >= limit) break;
            taken.push(incident);
            from.delete(id);
          }
          return taken;
        };
        const createdNow = take(pending.created, INCIDENT_BATCH_MAX);
        const updatedNow = take(pending.updated, INCIDENT_BATCH_MAX - createdNow.length);
        this.publish([room], 'incidents.batch', { created: createdNow, updated: updatedNow });
      }
      if (pending.created.size + pending.updated.size === 0) this.pendingBatches.delete(room);
    }
    if (this.pendingBatches.size === 0 && this.batchTimer !== null) {
      clearInterval(this.batchTimer);
      this.batchTimer = null;
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
    // What is still waiting goes out now (consoles would refetch anyway; Postgres has every change).
    this.flushIncidentBatches(Number.POSITIVE_INFINITY);
    this.closing = true;
    await this.redis.quit().catch(() => undefined);
  }
}
