/** One alarm among those of a parent incident's children. */
export interface CorrelationMember {
  alarmId: string;
  raisedAt: Date;
}

export interface AlarmRelations {
  isRootCause: boolean;
  parentAlarm: string[];
  correlatedAlarm: string[];
}

/** A root cause lists at most this many correlated alarms (a storm can hold thousands). */
export const CORRELATED_ALARMS_MAX = 100;

const UNRELATED: AlarmRelations = { isRootCause: false, parentAlarm: [], correlatedAlarm: [] };

/**
 * TMF642's isRootCause / parentAlarm / correlatedAlarm, derived from NetDuty's own correlation (the
 * worker files site incidents under a parent incident when they share an upstream): among the alarms of
 * a parent's children, the earliest raised (then the smallest id) stands for the common cause. It is the
 * root cause and lists the others (at most CORRELATED_ALARMS_MAX) as correlated; each other alarm names
 * it as its parent. An alarm whose incident has no parent is related to nothing.
 *
 * `members`: the alarms of the parent's children — at least the first CORRELATED_ALARMS_MAX + 1 in that
 * order; null when the alarm's incident has no parent.
 */
export function alarmRelations(alarmId: string, members: readonly CorrelationMember[] | null): AlarmRelations {
  if (!members || members.length === 0) return UNRELATED;
  const ordered = [...members].sort((a, b) => a.raisedAt.getTime() - b.raisedAt.getTime() || (a.alarmId < b.alarmId ? -1 : a.alarmId > b.alarmId ? 1 : 0));
  const root = ordered[0];
  if (!root) return UNRELATED;
  if (root.alarmId === alarmId) {
    return { isRootCause: true, parentAlarm: [], correlatedAlarm: ordered.slice(1, CORRELATED_ALARMS_MAX + 1).map((member) => member.alarmId) };
  }
  return { isRootCause: false, parentAlarm: [root.alarmId], correlatedAlarm: [] };
}
