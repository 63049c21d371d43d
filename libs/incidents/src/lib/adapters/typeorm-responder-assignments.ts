import { In, Not, type EntityManager } from 'typeorm';
import type { AssignedResponder } from '@netduty/contracts';
import type { JourneyProgress } from '@netduty/domain';
import { IncidentResponderEntity, ResponderEntity } from '@netduty/persistence';
import type { IncidentRecord } from '../ports/incident-record';
import type { AssignmentRecord, NewAssignment, ResponderAssignments } from '../ports/responder-assignments';
import { candidateResponderQuery } from './candidate-responders';

export class TypeOrmResponderAssignments implements ResponderAssignments {
  constructor(private readonly em: EntityManager) {}

  async coveringAmong(incident: Pick<IncidentRecord, 'operatorCode' | 'communeCode'>, ids: readonly string[]): Promise<AssignedResponder[]> {
    if (ids.length === 0) return [];
    const found = await candidateResponderQuery(this.em, incident).andWhere({ id: In([...ids]) }).getMany();
    return found.map((responder) => ({ id: responder.id, name: responder.name, phone: responder.phone }));
  }

  async replace(incidentId: string, responderIds: readonly string[]): Promise<NewAssignment[]> {
    const links = this.em.getRepository(IncidentResponderEntity);
    await links.delete(responderIds.length > 0 ? { incidentId, responderId: Not(In([...responderIds])) } : { incidentId });
    if (responderIds.length === 0) return [];
    // Those already assigned keep their row: their assignment time and journey stay. Only new rows return.
    const inserted = (await this.em.query(
      `INSERT INTO incident_responders (incident_id, responder_id) SELECT $1, unnest($2::uuid[])
       ON CONFLICT (incident_id, responder_id) DO NOTHING RETURNING responder_id, assigned_at`,
      [incidentId, [...responderIds]],
    )) as { responder_id: string; assigned_at: Date }[];
    return inserted.map((row) => ({ responderId: row.responder_id, assignedAt: row.assigned_at }));
  }

  async lockAssignment(incidentId: string, responderId: string): Promise<AssignmentRecord | null> {
    const row = await this.em
      .getRepository(IncidentResponderEntity)
      .createQueryBuilder('link')
      .where('link.incidentId = :incidentId AND link.responderId = :responderId', { incidentId, responderId })
      .setLock('pessimistic_write')
      .getOne();
    if (!row) return null;
    const responder = await this.em.getRepository(ResponderEntity).findOneByOrFail({ id: responderId });
    return {
      responder: { id: responder.id, name: responder.name, phone: responder.phone },
      assignedAt: row.assignedAt,
      acceptedAt: row.acceptedAt,
      enRouteAt: row.enRouteAt,
      onSiteAt: row.onSiteAt,
    };
  }

  async recordJourney(incidentId: string, responderId: string, changes: Partial<JourneyProgress>): Promise<void> {
    await this.em.getRepository(IncidentResponderEntity).update({ incidentId, responderId }, changes);
  }
}
