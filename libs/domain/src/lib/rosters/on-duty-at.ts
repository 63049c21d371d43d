import type { OnDutyGroup, ShiftOccurrence } from './roster';
import { shiftsBetween } from './shifts-between';

/**
 * Who is on duty in the group at `at`: the shifts covering it (start inclusive, end exclusive), with their
 * members and lead. The one answer to "who is on duty in group X at time t": escalation recipients, the
 * console's "now on duty" and handovers all ask this.
 */
export function onDutyAt(group: OnDutyGroup, at: Date): ShiftOccurrence[] {
  return shiftsBetween(group, at, new Date(at.getTime() + 1)).filter(
    (occurrence) => occurrence.startsAt.getTime() <= at.getTime() && at.getTime() < occurrence.endsAt.getTime(),
  );
}

/**
 * The people on duty in the group at `at`, each once, leads first: the shape an escalation level's
 * "whoever is on shift in group X" recipients take (built on onDutyAt, never beside it).
 */
export function onDutyUserIds(group: OnDutyGroup, at: Date): string[] {
  const shifts = onDutyAt(group, at);
  return [...new Set([...shifts.map((shift) => shift.leadId), ...shifts.flatMap((shift) => shift.memberIds)])];
}
