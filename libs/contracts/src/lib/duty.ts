import type { IsoInstant } from './dto';
import type { DeadlineKind, IncidentStatus, OperatorCode, PriorityTier, Severity } from './enums';
import type { Role } from './auth';
import type { OnDutyGroupDto, OnDutyGroupKind, ShiftOccurrenceDto } from './rosters';

/** The roster routes' shapes beyond rosters.ts (who is on a shift, now on duty) and the handover (bàn giao ca). */

/** A person on a shift as the console shows them: name and call-back phone. */
export interface DutyPersonDto {
  id: string;
  displayName: string;
  phone: string | null;
  role: Role;
}

/** A shift with its people resolved, the lead first. */
export interface StaffedShiftDto extends ShiftOccurrenceDto {
  members: DutyPersonDto[];
}

export interface GroupOnDutyDto {
  group: OnDutyGroupDto;
  shifts: StaffedShiftDto[];
}

/** GET /on-duty/now: every visible group's shifts covering `at`. */
export interface OnDutyNowDto {
  at: IsoInstant;
  groups: GroupOnDutyDto[];
}

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
