/** A responder record and the accounts that act for it (users.responder_id). */
export interface ResponderAccounts {
  responderId: string;
  clusterId: string;
  userIds: readonly string[];
}

/** An on-duty group as far as shifts of a cluster go. */
export interface ClusterDutyGroup {
  id: string;
  kind: string;
  clusterId: string | null;
}

/**
 * The responders on shift at `at`: those with an account on duty (by the roster) in an on-duty group
 * of their own cluster. A responder without an account, or whose cluster has no group, is off shift.
 */
export function respondersOnShift(
  responders: readonly ResponderAccounts[],
  groups: readonly ClusterDutyGroup[],
  onDuty: (groupId: string, at: Date) => readonly string[],
  at: Date,
): Set<string> {
  const onDutyByCluster = new Map<string, Set<string>>();
  for (const group of groups) {
    if (group.kind !== 'cluster' || group.clusterId === null) continue;
    const people = onDutyByCluster.get(group.clusterId) ?? new Set<string>();
    for (const userId of onDuty(group.id, at)) people.add(userId);
    onDutyByCluster.set(group.clusterId, people);
  }
  const onShift = new Set<string>();
  for (const responder of responders) {
    const people = onDutyByCluster.get(responder.clusterId);
    if (people && responder.userIds.some((userId) => people.has(userId))) onShift.add(responder.responderId);
  }
  return onShift;
}
