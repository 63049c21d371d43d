import type { DeadlineKind, IncidentStatus, IsoInstant, OnDutyGroupKind, OperatorCode, PriorityTier, Severity } from '@netduty/contracts';
import type { DutyPersonDto } from '../rosters/duty-views';

/*
 * Handover (bàn giao ca) on the wire (the console keeps a copy in
 * apps/console/src/features/rosters/api/rosters.types.ts until these move to libs/contracts).
 */

/** One shift of the sheet: who was (or will be) on it. */
export interface HandoverShiftDto {
  startsAt: IsoInstant;
  endsAt: IsoInstant;
  leadId: string;
  memberIds: string[];
}

export interface HandoverIncidentDto {
  id: string;
  reference: string;
  siteCode: string;
  siteName: string;
  operatorCode: OperatorCode;
  severity: Severity;
  priority: PriorityTier;
  status: IncidentStatus;
  /** Null once acknowledged. */
  acknowledgeDueAt: IsoInstant | null;
  restoreDueAt: IsoInstant;
  escalationLevel: number;
}

/** A deadline of an open incident that falls within the next shift. */
export interface HandoverDeadlineDto {
  incidentId: string;
  reference: string;
  kind: DeadlineKind;
  dueAt: IsoInstant;
}

/** An escalation (chuyển cấp) fired during the outgoing shift. */
export interface HandoverEscalationDto {
  incidentId: string;
  reference: string;
  kind: DeadlineKind;
  level: number;
  manual: boolean;
  firedAt: IsoInstant;
}

/** The sheet as it stood when the outgoing lead handed over: kept as printed, never recomputed. */
export interface HandoverSheetDto {
  group: { id: string; name: string; kind: OnDutyGroupKind };
  shift: HandoverShiftDto;
  nextShift: HandoverShiftDto | null;
  openIncidents: HandoverIncidentDto[];
  deadlinesInNextShift: HandoverDeadlineDto[];
  escalationsDuringShift: HandoverEscalationDto[];
  /** Everyone the sheet names (both shifts), for names and call-back phones. */
  people: DutyPersonDto[];
  generatedAt: IsoInstant;
}

export interface ShiftHandoverDto {
  id: string;
  groupId: string;
  shiftStartsAt: IsoInstant;
  shiftEndsAt: IsoInstant;
  outgoingLeadId: string;
  incomingLeadId: string | null;
  notes: string;
  sheet: HandoverSheetDto;
  createdAt: IsoInstant;
  acknowledgedAt: IsoInstant | null;
  acknowledgedBy: string | null;
}

export interface CreateHandoverRequest {
  notes: string;
  /** The outgoing shift's start; by default the group's shift covering now (the caller's, if several). */
  shiftStartsAt?: IsoInstant;
}

/** How long a sheet's lists may grow; a longer list is cut (the console says so). */
export const HANDOVER_LIMITS = { notesMaxLength: 4000, itemsPerList: 500, lookBackHours: 24 } as const;
