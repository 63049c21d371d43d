import type { IsoInstant } from './dto';
import type { EscalationRecipientDto } from './escalation-policy';
import type { DeadlineKind, IncidentCategory, PerceivedSeverity, Severity, TimelineEventType, UpstreamKind } from './enums';

/** The actor recorded for what nobody did by hand (escalations); the console shows it as "system". */
export const SYSTEM_ACTOR = 'system';

/** Who hears of an escalation, by level (see the escalation chain in libs/domain). */
export const ESCALATION_AUDIENCES = ['duty_officers', 'duty_group_head', 'leadership'] as const;
export type EscalationAudience = (typeof ESCALATION_AUDIENCES)[number];

export interface AssignedResponder {
  id: string;
  name: string;
  phone: string;
}

/** What each kind of timeline event carries. Older rows may lack an optional note; nothing else varies. */
export interface TimelineEventData {
  reported: { category: IncidentCategory; severity: Severity };
  acknowledged: { note?: string };
  assigned: { responders: AssignedResponder[]; note?: string };
  commented: { text: string };
  /**
   * A chain step fired. `level` is the step (1-based across rounds), `chainLevel` the policy's level and
   * `recipients` who it reached; steps stored before escalation policies carry `audience` instead.
   */
  escalated: {
    kind: DeadlineKind;
    level: number;
    cycle: number;
    deadlineAt: IsoInstant;
    round?: number;
    chainLevel?: number;
    recipients?: EscalationRecipientDto[];
    manual?: boolean;
    reason?: string;
    /** Fired because an assigned responder did not accept within the policy's accept time. */
    acceptOverdue?: { responderId: string; responderName: string; acceptSeconds: number };
    audience?: EscalationAudience;
  };
  resolved: { note?: string };
  closed: { note?: string };
  /** The reason is required to reopen. */
  reopened: { note: string };
  /** The assigned responder's journey: each step once per assignment, by the responder themself. */
  assignment_accepted: { responder: AssignedResponder };
  responder_en_route: { responder: AssignedResponder };
  responder_on_site: { responder: AssignedResponder };
  /** A network alarm raised on this incident (the first one opened it; later ones attach). */
  alarm_raised: { alarmId: string; sourceSystemId: string; externalAlarmId: string; probableCause: string; specificProblem: string | null; perceivedSeverity: PerceivedSeverity };
  /** The alarm cleared at its source; `resolves` when that was the last one and the rule resolves on clear. */
  alarm_cleared: { alarmId: string; sourceSystemId: string; externalAlarmId: string; resolves: boolean };
  /**
   * Mass-outage correlation. On a child: filed under `parent`. On the parent: `children` were linked to it.
   * `kind` and `key` name the shared upstream (feeder, route or aggregation node).
   */
  correlated: { kind: UpstreamKind; key: string; parent?: { id: string; reference: string }; children?: { id: string; reference: string; siteCode: string }[]; childCount?: number };
  /** Raise and clear `cycles` times within `windowSeconds`: notifications are held back while it flaps. */
  flapping: { cycles: number; windowSeconds: number };
}

/** One line of an incident's timeline: a union discriminated by `type`, each with its own `data`. */
export type TimelineEventDto = {
  [T in TimelineEventType]: { id: string; incidentId: string; type: T; actor: string; at: IsoInstant; data: TimelineEventData[T] };
}[TimelineEventType];
