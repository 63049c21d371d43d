import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { CandidateResponderDto } from '@netduty/contracts';
import { rankResponders, respondersOnShift, type IncidentScope, type ResponderCandidate } from '@netduty/domain';
import { RostersService, toResponderDto } from '@netduty/organisation';
import { IncidentEntity, IncidentResponderEntity, ResponderEntity, UserEntity } from '@netduty/persistence';
import { NotFoundError } from '@netduty/platform-errors';
import { candidateResponderQuery } from './adapters/candidate-responders';
import { incidentVisible } from './adapters/incident-visibility';

interface LoadedCandidate extends ResponderCandidate {
  responder: ResponderEntity;
}

/**
 * The responders an incident may be assigned, ranked by the domain's rankResponders: the active
 * responders of the clusters covering the site's commune, on shift now (their account on duty in their
 * cluster's on-duty group, by the roster), fewest open assignments, then distance. Responders have no
 * recorded position, so every distance is unknown and says so (no coordinates are made up).
 */
@Injectable()
export class CandidateRespondersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rosters: RostersService,
  ) {}

  async ranked(incidentId: string, scope: IncidentScope, at: Date = new Date()): Promise<CandidateResponderDto[]> {
    const em = this.dataSource.manager;
    if (!(await incidentVisible(em, incidentId, scope))) throw new NotFoundError('incident', incidentId);
    const incident = await em.getRepository(IncidentEntity).findOne({ where: { id: incidentId }, relations: { site: true } });
    if (!incident) throw new NotFoundError('incident', incidentId);
    const responders = await candidateResponderQuery(em, incident).getMany();
    if (responders.length === 0) return [];
    const ids = responders.map((responder) => responder.id);
    const [accounts, openCounts, assignedHere, roster] = await Promise.all([
      em.getRepository(UserEntity).find({ where: { responderId: In(ids), active: true }, select: { id: true, responderId: true } }),
      this.openAssignmentCounts(ids, incident.id),
      em.getRepository(IncidentResponderEntity).find({ where: { incidentId: incident.id }, select: { responderId: true } }),
      this.rosters.onDutyResolver(em),
    ]);
    const onShift = respondersOnShift(
      responders.map((responder) => ({
        responderId: responder.id,
        clusterId: responder.clusterId,
        userIds: accounts.filter((account) => account.responderId === responder.id).map((account) => account.id),
      })),
      roster.groups,
      roster.onDuty,
      at,
    );
    const candidates: LoadedCandidate[] = responders.map((responder) => ({
      responder,
      id: responder.id,
      name: responder.name,
      // The query keeps only clusters of the site's operator covering its commune.
      operatorCode: incident.operatorCode,
      clusterCommuneCodes: [incident.communeCode],
      onShift: onShift.has(responder.id),
      openAssignments: openCounts.get(responder.id) ?? 0,
      position: null,
    }));
    const assigned = new Set(assignedHere.map((row) => row.responderId));
    const site = { latitude: Number(incident.site.latitude), longitude: Number(incident.site.longitude) };
    return rankResponders(candidates, { operatorCode: incident.operatorCode, communeCode: incident.communeCode, position: site }).map((entry) => ({
      ...toResponderDto(entry.candidate.responder),
      rank: entry.rank,
      assigned: assigned.has(entry.candidate.id),
      onShift: entry.candidate.onShift,
      openAssignments: entry.candidate.openAssignments,
      distanceMetres: entry.distanceMetres,
      reasons: entry.reasons,
    }));
  }

  /** Per responder, the unresolved incidents they are assigned to, this one left out. */
  private async openAssignmentCounts(responderIds: string[], incidentId: string): Promise<Map<string, number>> {
    const rows: { responder_id: string; open: string }[] = await this.dataSource.query(
      `SELECT link.responder_id, count(*) AS open
         FROM incident_responders link
         JOIN incidents incident ON incident.id = link.incident_id
        WHERE link.responder_id = ANY($1::uuid[])
          AND link.incident_id <> $2
          AND incident.status NOT IN ('resolved', 'closed')
        GROUP BY link.responder_id`,
      [responderIds, incidentId],
    );
    return new Map(rows.map((row) => [row.responder_id, Number(row.open)]));
  }
}
