import type { EntityManager } from 'typeorm';
import { scopeFilterOf, type IncidentScope } from '@netduty/domain';
import { applyScopeFilter, ClusterEntity, type OnDutyGroupEntity } from '@netduty/persistence';

/**
 * Which groups a caller sees: everyone sees the department's tổ trực and leadership duty (who to call);
 * a cluster's group is seen by those whose scope sees the cluster (the one scope rule, as for clusters).
 */
export async function visibleClusterIds(em: EntityManager, scope: IncidentScope): Promise<Set<string> | 'all'> {
  if (scope.kind === 'all') return 'all';
  const query = em.getRepository(ClusterEntity).createQueryBuilder('cluster').select('cluster.id', 'id');
  applyScopeFilter(query, 'cluster', scopeFilterOf(scope));
  return new Set((await query.getRawMany<{ id: string }>()).map((row) => row.id));
}

export function groupVisible(group: Pick<OnDutyGroupEntity, 'kind' | 'clusterId'>, clusters: Set<string> | 'all'): boolean {
  if (clusters === 'all' || group.kind !== 'cluster') return true;
  return group.clusterId !== null && clusters.has(group.clusterId);
}

/**
 * Whose handover sheets a caller may read: a department or leadership sheet lists every open incident,
 * so only the all-seeing scope reads it; a cluster's sheet lists the cluster's, so its viewers read it.
 */
export function handoversReadable(group: Pick<OnDutyGroupEntity, 'kind' | 'clusterId'>, scope: IncidentScope, clusters: Set<string> | 'all'): boolean {
  if (scope.kind === 'all') return true;
  return group.kind === 'cluster' && groupVisible(group, clusters);
}
