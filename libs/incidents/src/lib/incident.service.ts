import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { IncidentDetailDto, IncidentDto, RelatedIncidentDto } from '@netduty/contracts';
import { scopeFilterOf, type IncidentScope } from '@netduty/domain';
import { applyScopeFilter, EscalationEntity, IncidentEntity, IncidentEventEntity, IncidentResponderEntity } from '@netduty/persistence';
import { SYSTEM_SCOPE } from '@netduty/identity';
import { NotFoundError } from '@netduty/platform-errors';
import { incidentVisible } from './adapters/incident-visibility';
import { toEscalationDto, toIncidentDto, toTimelineEventDto } from './incident-mapper';
import { IncidentReader } from './ports/incident-reader';
import { toAssignmentProgressDto } from './use-cases/record-journey-step';

/** Children listed on a parent's detail; the rest are counted. */
const RELATED_LIMIT = 500;

const INCIDENT_RELATIONS = { site: { operator: true, commune: true }, responders: { cluster: true } } as const;

/**
 * The reads of one incident: as the board shows it, with its timeline, escalations and each assigned
 * responder's journey (the responders it may be assigned: CandidateRespondersService). The changes are
 * the use cases (ReportIncident, TransitionIncident, AssignResponders, CommentOnIncident, RecordJourneyStep).
 */
@Injectable()
export class IncidentService extends IncidentReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  /** An incident outside the scope does not exist, as far as the caller can tell (no IDOR). */
  async getDto(id: string, scope: IncidentScope = SYSTEM_SCOPE): Promise<IncidentDto> {
    if (!(await incidentVisible(this.dataSource.manager, id, scope))) throw new NotFoundError('incident', id);
    // find, not findOne: with a to-many join, findOne's LIMIT costs TypeORM a second (DISTINCT) query.
    const [incident] = await this.dataSource.getRepository(IncidentEntity).find({ where: { id }, relations: INCIDENT_RELATIONS });
    if (!incident) throw new NotFoundError('incident', id);
    return toIncidentDto(incident);
  }

  /** Many incidents as the board shows them, in one query (the alarm path's batches); unknown ids are left out. */
  async getDtos(ids: readonly string[]): Promise<IncidentDto[]> {
    if (ids.length === 0) return [];
    const incidents = await this.dataSource.getRepository(IncidentEntity).find({ where: { id: In([...ids]) }, relations: INCIDENT_RELATIONS });
    const byId = new Map(incidents.map((incident) => [incident.id, toIncidentDto(incident)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async detail(id: string, scope: IncidentScope): Promise<IncidentDetailDto> {
    const incident = await this.getDto(id, scope);
    const [events, escalations, links] = await Promise.all([
      this.dataSource.getRepository(IncidentEventEntity).find({ where: { incidentId: id }, order: { id: 'ASC' } }),
      this.dataSource
        .getRepository(EscalationEntity)
        .find({ where: { incidentId: id }, order: { firedAt: 'ASC', level: 'ASC' } }),
      this.dataSource.getRepository(IncidentResponderEntity).find({ where: { incidentId: id } }),
    ]);
    // incident.responders is by name; each one's journey is on its assignment row.
    const assignments = incident.responders.flatMap((responder) => {
      const link = links.find((row) => row.responderId === responder.id);
      return link ? [toAssignmentProgressDto({ ...link, responder })] : [];
    });
    const { parent, children, childCount } = await this.related(incident, scope);
    return { ...incident, timeline: events.map(toTimelineEventDto), escalations: escalations.map(toEscalationDto), assignments, parent, children, childCount };
  }

  /** Mass-outage correlation around an incident: its parent, or its children within the caller's scope. */
  private async related(
    incident: IncidentDto,
    scope: IncidentScope,
  ): Promise<Pick<IncidentDetailDto, 'parent' | 'children' | 'childCount'>> {
    const related = (where: string, parameters: Record<string, unknown>) => {
      const query = this.dataSource
        .getRepository(IncidentEntity)
        .createQueryBuilder('incident')
        .innerJoin('incident.site', 'site')
        .select(['incident.id AS id', 'incident.reference AS reference', 'site.code AS "siteCode"', 'incident.category AS category', 'incident.status AS status'])
        .where(where, parameters)
        .orderBy('incident.reported_at', 'ASC')
        .limit(RELATED_LIMIT);
      applyScopeFilter(query, 'incident', scopeFilterOf(scope));
      return query.getRawMany<RelatedIncidentDto>();
    };
    const parent = incident.parentIncidentId ? ((await related('incident.id = :id', { id: incident.parentIncidentId }))[0] ?? null) : null;
    if (!incident.correlation) return { parent, children: [], childCount: 0 };
    const [children, count] = await Promise.all([
      related('incident.parent_incident_id = :id', { id: incident.id }),
      this.dataSource.getRepository(IncidentEntity).count({ where: { parentIncidentId: incident.id } }),
    ]);
    return { parent, children, childCount: count };
  }
}
