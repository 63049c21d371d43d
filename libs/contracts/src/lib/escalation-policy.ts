import type { IsoInstant } from './dto';
import type { OperatorCode, PriorityTier } from './enums';
import type { Role } from './auth';

/**
 * Escalation policies: per operator (or any) and priority tier (or any), an ordered list of levels, each
 * a wait and the people it reaches. The rules over them (selection, schedule, status, validation) are in
 * libs/domain (escalation-policy/).
 */

export const RECIPIENT_KINDS = ['person', 'on_shift', 'role', 'assigned_responders', 'cluster_lead'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** Who a level reaches. `on_shift` is resolved from the roster when the level fires, not when it is planned. */
export type RecipientRule =
  | { kind: 'person'; userId: string }
  | { kind: 'on_shift'; groupId: string }
  | { kind: 'role'; role: Role }
  | { kind: 'assigned_responders' }
  | { kind: 'cluster_lead' };

export interface EscalationLevelSpec {
  /** Level 1: seconds after the deadline (usually 0). Later levels: seconds after the previous level. */
  waitSeconds: number;
  recipients: RecipientRule[];
}

/** What an administrator writes (PUT/POST body) and what the default policies are. */
export interface EscalationPolicyDefinition {
  name: string;
  /** null: any operator. */
  operatorCode: OperatorCode | null;
  /** null: any priority tier. */
  priority: PriorityTier | null;
  levels: EscalationLevelSpec[];
  /** After the last level the chain runs again this many more times (0..maxRepeat). */
  repeat: number;
  /**
   * How long an assigned responder has to accept (nhận việc). An assignment nobody accepts in that time
   * is a deadline like the others: the running chain moves up a level, once per assignment.
   */
  acceptSeconds: number;
}

export interface EscalationPolicyDto extends EscalationPolicyDefinition {
  id: string;
  updatedAt: IsoInstant;
}

export const ESCALATION_POLICY_LIMITS = {
  maxLevels: 8,
  /** One day: a longer wait is a chain that has gone quiet. */
  maxWaitSeconds: 24 * 3600,
  maxRepeat: 5,
  maxRecipientsPerLevel: 20,
  maxNameLength: 120,
  /** The accept time: 1 s (short test policies) to a day. */
  minAcceptSeconds: 1,
  maxAcceptSeconds: 24 * 3600,
  /** A request that names no accept time gets 15 minutes. */
  defaultAcceptSeconds: 15 * 60,
} as const;

/**
 * The department's on-duty group (tổ trực). The seed creates the group with this id, so the default
 * policies can name it literally.
 */
export const DEPARTMENT_DUTY_GROUP_ID = '00000000-0000-4000-8000-000000000001';

/** Someone a fired step reached, resolved when it fired, and the rules of the level that named them. */
export interface EscalationRecipientDto {
  userId: string;
  displayName: string;
  rules: RecipientKind[];
}

/** waiting: no level fired yet; running: a level fired, more to come; stopped: acknowledged/resolved; exhausted: every step fired. */
export const CHAIN_STATES = ['waiting', 'running', 'stopped', 'exhausted'] as const;
export type ChainState = (typeof CHAIN_STATES)[number];

/** Where an incident's chain stands, as the console shows it ("next level in mm:ss"). */
export interface ChainStatusDto {
  state: ChainState;
  /** The level last fired (1-based), null before the first. */
  currentLevel: number | null;
  nextLevel: number | null;
  nextDueAt: IsoInstant | null;
  /** Whole seconds until nextDueAt (0 when due or late), null when nothing is next. */
  secondsToNext: number | null;
}

/** POST /incidents/:id/escalate — "escalate now to leadership", with a reason. */
export interface ManualEscalationRequest {
  targetLevel: number;
  reason: string;
}

/** POST /incidents/:id/de-escalate — hand the incident back to a lower level, with a reason. */
export interface DeEscalationRequest {
  targetLevel: number;
  reason: string;
}
