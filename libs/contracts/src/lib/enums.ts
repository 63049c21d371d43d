/**
 * Enumerations shared by the api, the worker and the console.
 * Values are stable wire identifiers (snake_case, English); labels live in the console's i18n files.
 */

export const OPERATOR_CODES = ['viettel', 'vnpt', 'mobifone', 'vnpost', 'viettelpost'] as const;
export type OperatorCode = (typeof OPERATOR_CODES)[number];

export const OPERATOR_KINDS = ['telecom', 'postal'] as const;
export type OperatorKind = (typeof OPERATOR_KINDS)[number];

export const SITE_KINDS = ['bts', 'broadband_node', 'transmission_node', 'postal_point'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/**
 * A site's state, derived from its open incidents (the database's netduty_site_state, applied in the
 * incident's own transaction): in service, degraded, or down — and when down, how.
 */
export const SITE_STATES = ['in_service', 'degraded', 'down'] as const;
export type SiteState = (typeof SITE_STATES)[number];
/** on battery (mains lost), on generator, off air. */
export const SITE_DOWN_KINDS = ['on_battery', 'on_generator', 'off_air'] as const;
export type SiteDownKind = (typeof SITE_DOWN_KINDS)[number];

/** P0: event venues and government offices; P1: hubs/aggregation; P2: everything else. */
export const PRIORITY_TIERS = ['P0', 'P1', 'P2'] as const;
export type PriorityTier = (typeof PRIORITY_TIERS)[number];

export const INCIDENT_CATEGORIES = [
  'mains_failure',
  'low_battery',
  'generator',
  'fibre_cut',
  'microwave_transmission',
  'equipment',
  'overheating',
  'flooding_tower_damage',
  'vandalism_theft',
  'congestion',
  'cyber_security',
  'postal_disruption',
  'other',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

/** ITU-T X.733 perceived severities that an incident can carry (cleared/indeterminate are alarm-only). */
export const SEVERITIES = ['critical', 'major', 'minor', 'warning'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const INCIDENT_STATUSES = [
  'reported',
  'acknowledged',
  'in_progress',
  'resolved',
  'closed',
  'reopened',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** What a person can do to an incident. Every status change goes through one of these. */
export const INCIDENT_ACTIONS = ['acknowledge', 'assign', 'resolve', 'close', 'reopen'] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

export const TIMELINE_EVENT_TYPES = [
  'reported',
  'acknowledged',
  'assigned',
  'commented',
  'escalated',
  'resolved',
  'closed',
  'reopened',
  'assignment_accepted',
  'responder_en_route',
  'responder_on_site',
  'alarm_raised',
  'alarm_cleared',
  'correlated',
  'flapping',
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

/** The assigned responder's journey, in order: accept (nhận việc), on the way (đang di chuyển), on site (đã đến trạm). */
export const JOURNEY_STEPS = ['accept', 'en_route', 'on_site'] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number];

export const DEADLINE_KINDS = ['acknowledge', 'restore'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Countdown colouring on the board: amber past 75 % of the window, red once breached. */
export const DEADLINE_URGENCIES = ['normal', 'warning', 'breached'] as const;
export type DeadlineUrgency = (typeof DEADLINE_URGENCIES)[number];

/** TMF642 alarm states, as the operators' NMSs send them. */
export const ALARM_STATES = ['raised', 'updated', 'cleared'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];

/** ITU-T X.733 perceived severities as an alarm carries them (an incident carries only SEVERITIES). */
export const PERCEIVED_SEVERITIES = ['critical', 'major', 'minor', 'warning', 'indeterminate', 'cleared'] as const;
export type PerceivedSeverity = (typeof PERCEIVED_SEVERITIES)[number];

export const ALARM_ACK_STATES = ['acknowledged', 'unacknowledged'] as const;
export type AlarmAckState = (typeof ALARM_ACK_STATES)[number];

/**
 * Where an incident came from: a person's report, a network alarm, mass-outage correlation (a parent),
 * or an issued roaming request (its 30-minute deadline; not a fault of the site it is filed at).
 */
export const INCIDENT_ORIGINS = ['manual', 'alarm', 'correlation', 'roaming'] as const;
export type IncidentOrigin = (typeof INCIDENT_ORIGINS)[number];

/** What many sites can share upstream: a power feeder or substation, a transmission (fibre) route, an aggregation node. */
export const UPSTREAM_KINDS = ['power_feeder', 'transmission_route', 'aggregation_node'] as const;
export type UpstreamKind = (typeof UPSTREAM_KINDS)[number];

/** The TMF Hub APIs an NMS can subscribe to. */
export const TMF_HUB_APIS = ['alarm', 'troubleTicket'] as const;
export type TmfHubApi = (typeof TMF_HUB_APIS)[number];
