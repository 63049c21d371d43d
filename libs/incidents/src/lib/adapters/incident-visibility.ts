import type { EntityManager } from 'typeorm';
import { scopeFilterOf, type IncidentScope } from '@netduty/domain';
import { applyScopeFilter, IncidentEntity } from '@netduty/persistence';

/** Whether the scope lets the caller see the incident (a missing one is not visible either). */
export async function incidentVisible(em: EntityManager, id: string, scope: IncidentScope): Promise<boolean> {
  // The all-seeing scope needs no check: a missing incident is found missing by the caller's own query.
  if (scope.kind === 'all') return true;
  const query = em.getRepository(IncidentEntity).createQueryBuilder('incident').where('incident.id = :id', { id });
  applyScopeFilter(query, 'incident', scopeFilterOf(scope));
  return (await query.getCount()) > 0;
}
