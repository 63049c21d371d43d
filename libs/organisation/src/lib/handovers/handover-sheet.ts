import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { DeadlineKind, OnDutyGroupDto, ShiftOccurrenceDto } from '@netduty/contracts';
import { scopeFilterOf, type IncidentScope } from '@netduty/domain';
import { applyScopeFilter, ClusterEntity, EscalationEntity, IncidentEntity } from '@netduty/persistence';
import { NotFoundError } from '@netduty/platform-errors';
import { dutyPeople } from '../rosters/duty-people';
import type { DutyPersonDto } from '@netduty/contracts';
import { HANDOVER_LIMITS, type HandoverDeadlineDto, type HandoverSheetDto, type HandoverShiftDto } from '@netduty/contracts';

const OPEN_STATUSES = ['reported', 'acknowledged', 'in_progress', 'reopened'] as const;

/**
 * The incidents a group answers for: the department's tổ trực and leadership duty every incident;
 * a cluster's group those of its operator in its communes (the same scope its staff have).
 */
async function scopeOfGroup(em: EntityManager, group: OnDutyGroupDto): Promise<IncidentScope> {
  if (group.kind !== 'cluster' || group.clusterId === null) return { kind: 'all' };
  const cluster = await em.getRepository(ClusterEntity).findOne({ where: { id: group.clusterId }, relations: { communes: true } });
  if (!cluster) throw new NotFoundError('cluster', group.clusterId);
  return { kind: 'operator', operatorCode: cluster.operatorCode, communeCodes: cluster.communes.map((commune) => commune.code) };
}

function shiftOf(occurrence: ShiftOccurrenceDto): HandoverShiftDto {
  return { startsAt: occurrence.startsAt, endsAt: occurrence.endsAt, leadId: occurrence.leadId, memberIds: occurrence.memberIds };
}

function scoped<T extends IncidentEntity | EscalationEntity>(query: SelectQueryBuilder<T>, scope: IncidentScope, alias: string): SelectQueryBuilder<T> {
  return applyScopeFilter(query, 'incident', scopeFilterOf(scope), alias);
}

/**
 * The handover sheet (bàn giao ca) of one shift at `now`: the open incidents of the group's scope with
 * their status and deadlines, the deadlines that fall due in the next shift, the escalations fired since
 * the shift began, and everyone named with their phone.
 */
export async function buildHandoverSheet(
  em: EntityManager,
  group: OnDutyGroupDto,
  shift: ShiftOccurrenceDto,
  next: ShiftOccurrenceDto | null,
  now: Date,
): Promise<HandoverSheetDto> {
  const scope = await scopeOfGroup(em, group);
  const limit = HANDOVER_LIMITS.itemsPerList;
  const open = await scoped(em.getRepository(IncidentEntity).createQueryBuilder('incident'), scope, 'incident')
    .innerJoinAndSelect('incident.site', 'site')
    .andWhere('incident.status IN (:...open)', { open: OPEN_STATUSES })
    .orderBy('incident.restoreDueAt', 'ASC')
    .limit(limit)
    .getMany();

  const windowStart = next ? new Date(next.startsAt) : new Date(shift.endsAt);
  const windowEnd = next ? new Date(next.endsAt) : new Date(new Date(shift.endsAt).getTime() + (new Date(shift.endsAt).getTime() - new Date(shift.startsAt).getTime()));
  const inWindow = (at: Date) => at.getTime() >= windowStart.getTime() && at.getTime() < windowEnd.getTime();
  const deadlines: HandoverDeadlineDto[] = open
    .flatMap((incident): HandoverDeadlineDto[] => [
      ...(incident.acknowledgedAt === null && inWindow(incident.ackDueAt)
        ? [{ incidentId: incident.id, reference: incident.reference, kind: 'acknowledge' as const, dueAt: incident.ackDueAt.toISOString() }]
        : []),
      ...(inWindow(incident.restoreDueAt)
        ? [{ incidentId: incident.id, reference: incident.reference, kind: 'restore' as const, dueAt: incident.restoreDueAt.toISOString() }]
        : []),
    ])
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));

  const escalations = await scoped(em.getRepository(EscalationEntity).createQueryBuilder('escalation'), scope, 'incident')
    .innerJoin(IncidentEntity, 'incident', 'incident.id = escalation.incident_id')
    .select('escalation.incident_id', 'incidentId')
    .addSelect('incident.reference', 'reference')
    .addSelect('escalation.kind', 'kind')
    .addSelect('escalation.chain_level', 'level')
    .addSelect('escalation.manual', 'manual')
    .addSelect('escalation.fired_at', 'firedAt')
    .andWhere('escalation.fired_at >= :from AND escalation.fired_at <= :now', { from: shift.startsAt, now })
    // On a storm's shift, the latest (the incoming lead's concern), kept in the order they fired.
    .orderBy('escalation.fired_at', 'DESC')
    .limit(limit)
    .getRawMany<{ incidentId: string; reference: string; kind: DeadlineKind; level: number; manual: boolean; firedAt: Date }>();
  escalations.reverse();

  const peopleIds = [shift.leadId, ...shift.memberIds, ...(next ? [next.leadId, ...next.memberIds] : [])];
  const people = await dutyPeople(em, peopleIds);
  return {
    group: { id: group.id, name: group.name, kind: group.kind },
    shift: shiftOf(shift),
    nextShift: next ? shiftOf(next) : null,
    openIncidents: open.map((incident) => ({
      id: incident.id,
      reference: incident.reference,
      siteCode: incident.site.code,
      siteName: incident.site.name,
      operatorCode: incident.operatorCode,
      severity: incident.severity,
      priority: incident.priority,
      status: incident.status,
      acknowledgeDueAt: incident.acknowledgedAt === null ? incident.ackDueAt.toISOString() : null,
      restoreDueAt: incident.restoreDueAt.toISOString(),
      escalationLevel: incident.escalationLevel,
    })),
    deadlinesInNextShift: deadlines,
    escalationsDuringShift: escalations.map((escalation) => ({ ...escalation, firedAt: new Date(escalation.firedAt).toISOString() })),
    people: [...new Set(peopleIds)].map((id) => people.get(id)).filter((person): person is DutyPersonDto => person !== undefined),
    generatedAt: now.toISOString(),
  };
}
