import type { DeadlineKind, IncidentStatus, IsoInstant, OnDutyGroupDto, OnDutyGroupKind, OperatorCode, PriorityTier, Role, Severity, ShiftOccurrenceDto } from '@netduty/contracts';

/*
 * The roster and handover routes' wire shapes beyond contracts' rosters.ts, mirrored from
 * libs/organisation (rosters/duty-views.ts, handovers/handover-views.ts): the console may not import
 * server code. They belong in libs/contracts; until they move there, keep the two in step.
 */

export interface DutyPersonDto {
  id: string;
  displayName: string;
  phone: string | null;
  role: Role;
}

export interface StaffedShiftDto extends ShiftOccurrenceDto {
  members: DutyPersonDto[];
}

export interface GroupOnDutyDto {
  group: OnDutyGroupDto;
  shifts: StaffedShiftDto[];
}

export interface OnDutyNowDto {
  at: IsoInstant;
  groups: GroupOnDutyDto[];
}

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
  acknowledgeDueAt: IsoInstant | null;
  restoreDueAt: IsoInstant;
  escalationLevel: number;
}

export interface HandoverDeadlineDto {
  incidentId: string;
  reference: string;
  kind: DeadlineKind;
  dueAt: IsoInstant;
}

export interface HandoverEscalationDto {
  incidentId: string;
  reference: string;
  kind: DeadlineKind;
  level: number;
  manual: boolean;
  firedAt: IsoInstant;
}

export interface HandoverSheetDto {
  group: { id: string; name: string; kind: OnDutyGroupKind };
  shift: HandoverShiftDto;
  nextShift: HandoverShiftDto | null;
  openIncidents: HandoverIncidentDto[];
  deadlinesInNextShift: HandoverDeadlineDto[];
  escalationsDuringShift: HandoverEscalationDto[];
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

export const HANDOVER_NOTES_MAX_LENGTH = 4000;
