import type { EscalationDto, IncidentDto } from './dto';
import type { InAppNotificationDto } from './notifications';

/** Server → console events. The single source of truth for every emit and every listener. */
export interface ServerToClientEvents {
  'incident.created': (incident: IncidentDto, meta: ServerEventMeta) => void;
  'incident.updated': (incident: IncidentDto, meta: ServerEventMeta) => void;
  'incident.escalated': (payload: IncidentEscalatedPayload, meta: ServerEventMeta) => void;
  /**
   * Many incidents at once, from the alarm path (a storm): one frame per room per worker batch instead
   * of one per incident, each listing only incidents its room may see (chunks of INCIDENT_BATCH_MAX).
   */
  'incidents.batch': (batch: IncidentBatchPayload, meta: ServerEventMeta) => void;
  /** A new entry in the person's notification centre, sent to their own room only. */
  'notification.created': (notification: InAppNotificationDto, meta: ServerEventMeta) => void;
  /**
   * The leadership's figures changed (incidents or site states moved). Batched: each api instance sends
   * at most one per `ANALYTICS_PULSE_MS` to each socket in the analytics room, however many incidents
   * moved meanwhile; the dashboard then refetches its figures from REST.
   */
  'analytics.changed': (pulse: AnalyticsPulse) => void;
}

export interface IncidentBatchPayload {
  created: IncidentDto[];
  updated: IncidentDto[];
}

/** Incidents in one batch frame: a storm's 1,500 new incidents reach a console in a handful of frames. */
export const INCIDENT_BATCH_MAX = 500;

export interface AnalyticsPulse {
  at: string;
  /** Incident changes since the previous pulse (across all api and worker instances). */
  changes: number;
}

/** The analytics pulse's period: at most two frames a second per console, even in a storm. */
export const ANALYTICS_PULSE_MS = 500;

/**
 * Sent with every server → console event. `eventId` is the event's entry in the api's event log (a
 * Redis stream id, `<ms>-<seq>`), or null when the log could not be written. A console sends the
 * highest one it has seen as `auth.lastEventId` when it reconnects; the api replays what the console's
 * rooms missed since, so an event raised while the console was away (an api restart) still arrives.
 */
export interface ServerEventMeta {
  eventId: string | null;
}

/** What a console sends in the socket handshake. */
export interface SocketHandshakeAuth {
  token: string | null;
  lastEventId?: string;
  /**
   * console (default): the scope's incident rooms, the person's own room. analytics: the batched
   * analytics pulse only (and the person's own room), for a wall screen that must stay calm in a storm;
   * it needs `analytics.read`.
   */
  channel?: 'console' | 'analytics';
}

/** Reconnect quickly: within 2 s of an api instance being back, whatever the number of failed attempts. */
export const SOCKET_RECONNECTION = { reconnectionDelay: 500, reconnectionDelayMax: 2000 } as const;

const EVENT_ID_PATTERN = /^(\d+)-(\d+)$/;

export function isServerEventId(value: unknown): value is string {
  return typeof value === 'string' && EVENT_ID_PATTERN.test(value);
}

/** Orders two event ids (stream ids are ordered by time, then sequence). */
export function compareServerEventIds(a: string, b: string): number {
  const [, aMs = '0', aSeq = '0'] = EVENT_ID_PATTERN.exec(a) ?? [];
  const [, bMs = '0', bSeq = '0'] = EVENT_ID_PATTERN.exec(b) ?? [];
  return Number(aMs) - Number(bMs) || Number(aSeq) - Number(bSeq);
}

/**
 * A console's memory of the events it has applied: a replay after a reconnect may overlap what already
 * arrived live, and each event must be applied once. Remembers the last `capacity` ids.
 */
export class ServerEventLedger {
  private readonly seen = new Set<string>();
  private readonly order: string[] = [];
  private last: string | undefined;

  constructor(private readonly capacity = 5000) {}

  /** The highest event id seen, for the next handshake's `lastEventId`. */
  get lastEventId(): string | undefined {
    return this.last;
  }

  /** True the first time an event is seen (apply it), false for a repeat (ignore it). */
  accept(meta: ServerEventMeta | undefined): boolean {
    const id = meta?.eventId;
    if (!isServerEventId(id)) return true;
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    this.order.push(id);
    if (this.order.length > this.capacity) this.seen.delete(this.order.shift() as string);
    if (!this.last || compareServerEventIds(id, this.last) > 0) this.last = id;
    return true;
  }
}

export interface IncidentEscalatedPayload {
  incident: IncidentDto;
  escalation: EscalationDto;
}

/** Console → server events. */
export interface ClientToServerEvents {
  /** Liveness probe; the server answers with its clock so consoles can correct countdown skew. */
  'clock.sync': (ack: (serverTimeIso: string) => void) => void;
}

export type ServerEventName = keyof ServerToClientEvents;
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];

/** Room names. Every console joins the rooms its scope entitles it to. */
export const SOCKET_ROOMS = {
  all: 'scope:all',
  operator: (code: string) => `operator:${code}`,
  operatorCommune: (operator: string, commune: string) => `operator:${operator}:commune:${commune}`,
  responder: (id: string) => `responder:${id}`,
  /** Every socket of one user, so that disabling them closes all of them. */
  user: (id: string) => `user:${id}`,
  /** Every socket of one login session, so that ending the user's other sessions can spare this one. */
  session: (id: string) => `session:${id}`,
  /** Sockets that receive the batched analytics pulse (dashboard, wall, map). */
  analytics: 'analytics',
} as const;
