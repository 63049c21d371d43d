import type { EscalationRecipientDto } from './escalation-policy';
import type {
  DeadlineKind,
  IncidentAction,
  JourneyStep,
  IncidentCategory,
  IncidentOrigin,
  IncidentStatus,
  OperatorCode,
  OperatorKind,
  PriorityTier,
  Severity,
  SiteDownKind,
  SiteKind,
  SiteState,
  UpstreamKind,
} from './enums';
import type { TimelineEventDto } from './timeline';

/** All instants on the wire are ISO-8601 strings in UTC; the console renders them in Asia/Ho_Chi_Minh. */
export type IsoInstant = string;

export interface OperatorDto {
  code: OperatorCode;
  name: string;
  kind: OperatorKind;
}

export interface CommuneDto {
  code: string;
  name: string;
  divisionType: string;
  /** Former district (pre-2025 huyện) that field teams still speak of; null when unknown. */
  formerDistrict: string | null;
}

export interface SiteSummaryDto {
  id: string;
  code: string;
  name: string;
  kind: SiteKind;
  operator: OperatorDto;
  commune: CommuneDto;
  priority: PriorityTier;
  latitude: number;
  longitude: number;
  /** Derived from its open incidents by the database (in service, degraded, down). */
  state: SiteState;
  /** How a down site is down (on battery, on generator, off air); null otherwise. */
  downKind: SiteDownKind | null;
}

/**
 * A site as the register keeps it (GET /sites, POST /sites, PATCH /sites/:id): the summary, and what it
 * depends on. The upstreams group sites for mass-outage correlation (many sites on one failed feeder, cut
 * route or dead aggregation node go down together); null is not known, and such a site is never grouped.
 * The battery bank and load feed the runtime estimate; null takes the default of the site's kind.
 */
export interface SiteDetailDto extends SiteSummaryDto {
  /** The medium-voltage feeder or substation it is fed from, e.g. EVN-LS/TrangDinh-371. */
  powerFeeder: string | null;
  /** The fibre route (ring) that carries its traffic, e.g. VTL-LSN-RING-03. */
  transmissionRoute: string | null;
  /** The code of the aggregation (hub) node it reaches the core through: usually a site of the register. */
  aggregationNode: string | null;
  batteryCapacityAh: number | null;
  loadWatts: number | null;
}

/** POST /sites/dependencies/import: how many sites the file changed, and how many it named as they already were. */
export interface SiteDependenciesImportDto {
  updated: number;
  unchanged: number;
}

/** How many sites of one operator and kind were in one state at `SiteStateSummaryDto.at`. */
export interface SiteStateCountDto {
  operatorCode: OperatorCode;
  kind: SiteKind;
  state: SiteState;
  /** How a down site is down; null otherwise. */
  downKind: SiteDownKind | null;
  sites: number;
}

/**
 * The network's state at one moment (now, or any past instant reconstructed from the state history),
 * within the caller's scope: one row per (operator, kind, state, down kind) that has sites.
 */
export interface SiteStateSummaryDto {
  at: string;
  total: number;
  counts: SiteStateCountDto[];
}

export interface ResponderDto {
  id: string;
  name: string;
  phone: string;
  clusterId: string;
  clusterName: string;
  /** Inactive responders stay on past incidents but are never suggested or assigned. */
  active: boolean;
}

export interface ClusterDto {
  id: string;
  name: string;
  operator: OperatorCode;
  communeCodes: string[];
}

export interface DeadlineDto {
  kind: DeadlineKind;
  /** When the SLA window started (report time for acknowledge, report or reopen time for restore). */
  startsAt: IsoInstant;
  dueAt: IsoInstant;
}

export interface IncidentDto {
  id: string;
  /** Human reference, e.g. SC-000123. */
  reference: string;
  site: SiteSummaryDto;
  category: IncidentCategory;
  severity: Severity;
  priority: PriorityTier;
  status: IncidentStatus;
  description: string;
  reporterName: string;
  /** The account that reported it (null for older reports and the system). */
  reportedBy: string | null;
  /** The reporter's call-back phone when they reported. */
  reporterPhone: string | null;
  responders: ResponderDto[];
  reportedAt: IsoInstant;
  acknowledgedAt: IsoInstant | null;
  resolvedAt: IsoInstant | null;
  closedAt: IsoInstant | null;
  acknowledgeDeadline: DeadlineDto;
  restoreDeadline: DeadlineDto;
  /** The deadline the board counts down to, or null when no SLA clock runs (resolved/closed). */
  nextDeadline: DeadlineDto | null;
  /** Highest escalation level reached so far in the current SLA cycle (0 = none). */
  escalationLevel: number;
  /** Actions the state machine allows from the current status. */
  allowedActions: IncidentAction[];
  /** A person's report, a network alarm, or a mass-outage parent made by correlation. */
  origin: IncidentOrigin;
  /** Filed under this mass-outage parent (its own escalation is held back while it is). */
  parentIncidentId: string | null;
  /** On a parent: the upstream its children share. */
  correlation: { kind: UpstreamKind; key: string } | null;
  /** Raised and cleared too often: its notifications are held back. */
  flapping: boolean;
  updatedAt: IsoInstant;
}

/** An incident linked by correlation, as its parent or child lists it. */
export interface RelatedIncidentDto {
  id: string;
  reference: string;
  siteCode: string;
  category: IncidentCategory;
  status: IncidentStatus;
}

export interface EscalationDto {
  id: string;
  incidentId: string;
  kind: DeadlineKind;
  cycle: number;
  /** The chain step, 1-based across rounds (a policy may repeat its levels). */
  level: number;
  /** 1 for the chain's first pass, 2 for the first repeat, … */
  round: number;
  /** The policy's level this step fired, 1-based within a round. */
  chainLevel: number;
  deadlineAt: IsoInstant;
  firedAt: IsoInstant;
  /** Who it reached, resolved when it fired. */
  recipients: EscalationRecipientDto[];
  /** Escalated by a person ("escalate now"), with the reason. */
  manual: boolean;
  reason: string | null;
}

/** One assigned responder's journey on an incident: null until the step is taken. */
export interface AssignmentProgressDto {
  responderId: string;
  responderName: string;
  assignedAt: IsoInstant;
  acceptedAt: IsoInstant | null;
  enRouteAt: IsoInstant | null;
  onSiteAt: IsoInstant | null;
  /** The step the responder may take next; null once on site. */
  nextStep: JourneyStep | null;
}

/** The answer to a journey step: the incident and the caller's own assignment after it. */
export interface JourneyStepResultDto {
  incident: IncidentDto;
  assignment: AssignmentProgressDto;
  /** False when the step had already been taken (a repeat changes nothing). */
  recorded: boolean;
}

export interface IncidentDetailDto extends IncidentDto {
  timeline: TimelineEventDto[];
  escalations: EscalationDto[];
  /** Per assigned responder, by name. */
  assignments: AssignmentProgressDto[];
  /** Mass-outage correlation: the parent of a child; the children of a parent (those the caller may see, first 500). */
  parent: RelatedIncidentDto | null;
  children: RelatedIncidentDto[];
  /** Every child, open or not, including any the caller may not see. */
  childCount: number;
}

/** Why a suggested responder stands where it does, one entry per ranking criterion (the console words each code). */
export type CandidateReasonDto =
  | { code: 'in_covering_cluster' }
  | { code: 'outside_covering_cluster' }
  | { code: 'on_shift' }
  | { code: 'off_shift' }
  | { code: 'open_assignments'; count: number }
  | { code: 'distance'; metres: number }
  | { code: 'distance_unknown' };

/**
 * A responder suggested for an incident, best first (a ResponderDto with its place and reasons, so
 * callers of the plain list keep working). Responders have no known position yet: distanceMetres is null.
 */
export interface CandidateResponderDto extends ResponderDto {
  rank: number;
  /** Already assigned to this incident. */
  assigned: boolean;
  onShift: boolean;
  /** Unresolved incidents the responder is assigned to, this one left out. */
  openAssignments: number;
  distanceMetres: number | null;
  reasons: CandidateReasonDto[];
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface SlaPolicyDto {
  severity: Severity;
  priority: PriorityTier;
  acknowledgeSeconds: number;
  restoreSeconds: number;
  updatedAt: IsoInstant;
}

/** Request bodies. The api validates them; the console builds them. */
export interface ReportIncidentRequest {
  siteId: string;
  category: IncidentCategory;
  severity: Severity;
  description: string;
  /** Defaults to the logged-in user's display name. */
  reporterName?: string;
}

/** The actor is the logged-in user; a note is optional except when reopening. */
export interface ActorNoteRequest {
  note?: string;
}

export interface AssignRespondersRequest {
  responderIds: string[];
}

export interface CommentRequest {
  text: string;
}

export interface UpdateSlaPolicyRequest {
  acknowledgeSeconds: number;
  restoreSeconds: number;
}


export interface HealthDto {
  status: 'ok' | 'error';
  checks: Record<string, 'up' | 'down'>;
}
