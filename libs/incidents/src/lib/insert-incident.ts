import type { EntityManager } from 'typeorm';
import type { IncidentCategory, Severity } from '@netduty/contracts';
import type { Deadline } from '@netduty/domain';
import { IncidentEntity, type SiteEntity } from '@netduty/persistence';

export interface NewIncident {
  category: IncidentCategory;
  severity: Severity;
  description: string;
  reporterName: string;
  /** The reporting account and its call-back phone; absent for the demo history and the system. */
  reportedBy?: string | null;
  reporterPhone?: string | null;
  reportedAt: Date;
  acknowledge: Deadline;
  restore: Deadline;
}

/**
 * Inserts an incident at a site, copying the site's operator, commune and priority (scope filters and
 * the SLA policy key on them), and returns its id. The reference is drawn by the database default.
 */
export async function insertIncident(
  em: EntityManager,
  site: Pick<SiteEntity, 'id' | 'operatorCode' | 'communeCode' | 'priority'>,
  incident: NewIncident,
  state: Partial<Pick<IncidentEntity, 'status' | 'acknowledgedAt' | 'resolvedAt' | 'closedAt' | 'slaCycle' | 'idempotencyKey' | 'idempotencyOwner' | 'idempotencyBodyHash' | 'origin' | 'correlationKind' | 'correlationKey'>> = {},
): Promise<string> {
  const inserted = await em
    .createQueryBuilder()
    .insert()
    .into(IncidentEntity)
    .values({
      siteId: site.id,
      operatorCode: site.operatorCode,
      communeCode: site.communeCode,
      priority: site.priority,
      category: incident.category,
      severity: incident.severity,
      description: incident.description,
      reporterName: incident.reporterName,
      reportedBy: incident.reportedBy ?? null,
      reporterPhone: incident.reporterPhone ?? null,
      reportedAt: incident.reportedAt,
      ackStartsAt: incident.acknowledge.startsAt,
      ackDueAt: incident.acknowledge.dueAt,
      restoreStartsAt: incident.restore.startsAt,
      restoreDueAt: incident.restore.dueAt,
      status: 'reported',
      ...state,
    })
    .returning(['id'])
    .execute();
  const id = (inserted.raw as { id: string }[])[0]?.id;
  if (!id) throw new Error('incident insert returned no id');
  return id;
}
