import type { IncidentScope } from '@netduty/domain';
import { NotFoundError } from '@netduty/platform-errors';
import type { IncidentRecord } from '../ports/incident-record';
import type { IncidentRepository } from '../ports/incident-repository';

/** An incident outside the scope does not exist, as far as the caller can tell (no IDOR). */
export async function lockVisibleIncident(incidents: IncidentRepository, id: string, scope: IncidentScope): Promise<IncidentRecord> {
  const incident = await incidents.lockForUpdate(id, scope);
  if (!incident) throw new NotFoundError('incident', id);
  return incident;
}
