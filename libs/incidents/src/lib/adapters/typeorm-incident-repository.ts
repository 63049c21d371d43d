import type { EntityManager } from 'typeorm';
import type { IncidentLifecycle, IncidentScope } from '@netduty/domain';
import { IDEMPOTENCY_KEY_FIELD, IncidentEntity, uniqueViolationField } from '@netduty/persistence';
import { insertIncident } from '../insert-incident';
import type { IncidentRecord } from '../ports/incident-record';
import { IdempotencyKeyTakenError, type IncidentRepository, type NewIncidentRecord } from '../ports/incident-repository';
import { incidentVisible } from './incident-visibility';

/** The entity is the record (its relations are simply not loaded here). */
const asRecord = (incident: IncidentEntity): IncidentRecord => incident;

export class TypeOrmIncidentRepository implements IncidentRepository {
  constructor(private readonly em: EntityManager) {}

  async lockForUpdate(id: string, scope: IncidentScope): Promise<IncidentRecord | null> {
    if (!(await incidentVisible(this.em, id, scope))) return null;
    const incident = await this.em
      .getRepository(IncidentEntity)
      .createQueryBuilder('incident')
      .setLock('pessimistic_write')
      .where('incident.id = :id', { id })
      .getOne();
    return incident ? asRecord(incident) : null;
  }

  async load(id: string): Promise<IncidentRecord | null> {
    const incident = await this.em.getRepository(IncidentEntity).findOneBy({ id });
    return incident ? asRecord(incident) : null;
  }

  async save(incident: Pick<IncidentRecord, 'id' | 'version'>, changes: Partial<IncidentLifecycle>): Promise<void> {
    await this.em.getRepository(IncidentEntity).update({ id: incident.id }, { ...changes, version: incident.version + 1 });
  }

  async insert(incident: NewIncidentRecord): Promise<string> {
    try {
      const provenance = {
        origin: incident.origin ?? 'manual',
        correlationKind: incident.correlation?.kind ?? null,
        correlationKey: incident.correlation?.key ?? null,
      };
      return await insertIncident(this.em, incident.site, incident, { ...(incident.idempotency ?? {}), ...provenance });
    } catch (error) {
      if (incident.idempotency && uniqueViolationField(error) === IDEMPOTENCY_KEY_FIELD) throw new IdempotencyKeyTakenError();
      throw error;
    }
  }

  findByIdempotencyKey(owner: string, key: string): Promise<Pick<IncidentRecord, 'id' | 'idempotencyBodyHash'> | null> {
    return this.em
      .getRepository(IncidentEntity)
      .findOne({ where: { idempotencyOwner: owner, idempotencyKey: key }, select: { id: true, idempotencyBodyHash: true } });
  }
}
