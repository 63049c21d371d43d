import type { ShiftHandoverEntity } from '@netduty/persistence';
import type { HandoverSheetDto, ShiftHandoverDto } from '@netduty/contracts';

export function toShiftHandoverDto(handover: ShiftHandoverEntity): ShiftHandoverDto {
  return {
    id: handover.id,
    groupId: handover.groupId,
    shiftStartsAt: handover.shiftStartsAt.toISOString(),
    shiftEndsAt: handover.shiftEndsAt.toISOString(),
    outgoingLeadId: handover.outgoingLeadId,
    incomingLeadId: handover.incomingLeadId,
    notes: handover.notes,
    // Written by HandoverSheetBuilder in this shape and never changed afterwards.
    sheet: handover.sheet as unknown as HandoverSheetDto,
    createdAt: handover.createdAt.toISOString(),
    acknowledgedAt: handover.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: handover.acknowledgedBy,
  };
}
