import { In, type EntityManager } from 'typeorm';
import type { AssignedResponder } from '@netduty/contracts';
import { IncidentResponderEntity } from '@netduty/persistence';
import type { IncidentRecord } from '../ports/incident-record';
import type { ResponderAssignments } from '../ports/responder-assignments';
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
    await links.delete({ incidentId });
    if (responderIds.length > 0) await links.insert(responderIds.map((responderId) => ({ incidentId, responderId })));
  }
}
