import { In, Not, type EntityManager } from 'typeorm';
import type { AssignedResponder } from '@netduty/contracts';
import type { JourneyProgress } from '@netduty/domain';
import { IncidentResponderEntity, ResponderEntity } from '@netduty/persistence';
import type { IncidentRecord } from '../ports/incident-record';
import type { AssignmentRecord, ResponderAssignments } from '../ports/responder-assignments';
import { candidateResponderQuery } from './candidate-responders';

export class TypeOrmResponderAssignments implements ResponderAssignments {
  constructor(private readonly em: EntityManager) {}

  async coveringAmong(incident: Pick<IncidentRecord, 'operatorCode' | 'communeCode'>, ids: readonly string[]): Promise<AssignedResponder[]> {
    if (ids.length === 0) return [];
    const found = await candidateResponderQuery(this.em, incident).andWhere({ id: In([...ids]) }).getMany();
    return found.map((responder) => ({ id: responder.id, name: responder.name, phone: responder.phone }));
  }

  async replace(incidentId: string, responderIds: readonly string[]): Promise<void> {
    const links = this.em.getRepository(IncidentResponderEntity);
    await links.delete(responderIds.length > 0 ? { incidentId, responderId: Not(In([...responderIds])) } : { incidentId });
    if (responderIds.length === 0) return;
    // Those already assigned keep their row: their assignment time and journey stay.
    await links
      .createQueryBuilder()
      .insert()
      .values(responderIds.map((responderId) => ({ incidentId, responderId })))
      .orIgnore()
      .execute();
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
