import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IncidentDetailDto, IncidentDto, ResponderDto } from '@netduty/contracts';
import type { IncidentScope } from '@netduty/domain';
import { EscalationEntity, IncidentEntity, IncidentEventEntity } from '@netduty/persistence';
import { SYSTEM_SCOPE } from '@netduty/identity';
import { NotFoundError } from '@netduty/platform-errors';
import { toResponderDto } from '@netduty/organisation';
import { candidateResponderQuery } from './adapters/candidate-responders';
import { incidentVisible } from './adapters/incident-visibility';
import { toEscalationDto, toIncidentDto, toTimelineEventDto } from './incident-mapper';
import { IncidentReader } from './ports/incident-reader';

const INCIDENT_RELATIONS = { site: { operator: true, commune: true }, responders: { cluster: true } } as const;

/**
 * The reads of one incident: as the board shows it, with its timeline and escalations, and the
 * responders it may be assigned. The changes are the use cases (ReportIncident, TransitionIncident,
 * AssignResponders, CommentOnIncident).
 */
@Injectable()
export class IncidentService extends IncidentReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  /** An incident outside the scope does not exist, as far as the caller can tell (no IDOR). */
  async getDto(id: string, scope: IncidentScope = SYSTEM_SCOPE): Promise<IncidentDto> {
    if (!(await incidentVisible(this.dataSource.manager, id, scope))) throw new NotFoundError('incident', id);
    const incident = await this.dataSource
      .getRepository(IncidentEntity)
      .findOne({ where: { id }, relations: INCIDENT_RELATIONS });
    if (!incident) throw new NotFoundError('incident', id);
    return toIncidentDto(incident);
  }

  async detail(id: string, scope: IncidentScope): Promise<IncidentDetailDto> {
    const incident = await this.getDto(id, scope);
    const [events, escalations] = await Promise.all([
      this.dataSource.getRepository(IncidentEventEntity).find({ where: { incidentId: id }, order: { id: 'ASC' } }),
      this.dataSource
        .getRepository(EscalationEntity)
        .find({ where: { incidentId: id }, order: { firedAt: 'ASC', level: 'ASC' } }),
    ]);
    return { ...incident, timeline: events.map(toTimelineEventDto), escalations: escalations.map(toEscalationDto) };
  }

  /** Active responders of the clusters that cover the incident's commune for the site's operator. */
  async candidateResponders(incidentId: string, scope: IncidentScope): Promise<ResponderDto[]> {
    if (!(await incidentVisible(this.dataSource.manager, incidentId, scope))) throw new NotFoundError('incident', incidentId);
    const incident = await this.dataSource
      .getRepository(IncidentEntity)
      .findOne({ where: { id: incidentId }, select: { id: true, operatorCode: true, communeCode: true } });
    if (!incident) throw new NotFoundError('incident', incidentId);
    const responders = await candidateResponderQuery(this.dataSource.manager, incident).getMany();
    return responders.map(toResponderDto);
  }
}
