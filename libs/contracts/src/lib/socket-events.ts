import type { EscalationDto, IncidentDto } from './dto';

/** Server → console events. The single source of truth for every emit and every listener. */
export interface ServerToClientEvents {
  'incident.created': (incident: IncidentDto) => void;
  'incident.updated': (incident: IncidentDto) => void;
  'incident.escalated': (payload: IncidentEscalatedPayload) => void;
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
} as const;
