import type { EntityManager } from 'typeorm';
import { ResponderEntity, type IncidentEntity } from '@netduty/persistence';

/** Active responders of the clusters of the incident's operator that cover its commune, by name. */
export function candidateResponderQuery(em: EntityManager, incident: Pick<IncidentEntity, 'operatorCode' | 'communeCode'>) {
  return em
    .getRepository(ResponderEntity)
    .createQueryBuilder('responder')
    .innerJoinAndSelect('responder.cluster', 'cluster')
    .innerJoin('cluster_communes', 'coverage', 'coverage.cluster_id = cluster.id')
    .where('cluster.operatorCode = :operator', { operator: incident.operatorCode })
    .andWhere('coverage.commune_code = :commune', { commune: incident.communeCode })
    .andWhere('responder.active = true')
    .orderBy('responder.name', 'ASC');
}
