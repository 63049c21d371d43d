import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateResponderRequest, ResponderDto, UpdateResponderRequest } from '@netduty/contracts';
import { scopeFilterOf, type IncidentScope } from '@netduty/domain';
import { AuditService } from '@netduty/identity';
import { applyScopeFilter, ClusterEntity, ResponderEntity } from '@netduty/persistence';
import { InvalidInputError, NotFoundError } from '@netduty/platform-errors';
import { toResponderDto } from './organisation-mappers';

/** The clusters' field responders (ứng cứu thông tin), who are dispatched to incidents. */
@Injectable()
export class RespondersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Responders within the scope, optionally of one cluster (for dispatch lists and account linking). */
  async list(scope: IncidentScope, clusterId?: string): Promise<ResponderDto[]> {
    const query = this.dataSource
      .getRepository(ResponderEntity)
      .createQueryBuilder('responder')
      .innerJoinAndSelect('responder.cluster', 'cluster')
      .orderBy('cluster.name', 'ASC')
      .addOrderBy('responder.name', 'ASC');
    if (clusterId) query.andWhere('responder.clusterId = :clusterId', { clusterId });
    applyScopeFilter(query, 'responder', scopeFilterOf(scope));
    return (await query.getMany()).map(toResponderDto);
  }

  async create(input: CreateResponderRequest): Promise<ResponderDto> {
    return this.dataSource.transaction(async (em) => {
      await this.checkCluster(em, input.clusterId);
      const saved = await em.getRepository(ResponderEntity).save({ clusterId: input.clusterId, name: input.name.trim(), phone: input.phone.trim() });
      const after = await this.load(em, saved.id);
      await this.audit.record({ action: 'responder.create', entityType: 'responder', entityId: saved.id, after }, em);
      return after;
    });
  }

  async update(id: string, change: UpdateResponderRequest): Promise<ResponderDto> {
    return this.dataSource.transaction(async (em) => {
      if (!(await em.getRepository(ResponderEntity).existsBy({ id }))) throw new NotFoundError('responder', id);
      if (change.clusterId !== undefined) await this.checkCluster(em, change.clusterId);
      const before = await this.load(em, id);
      await em.getRepository(ResponderEntity).update(
        { id },
        {
          ...(change.clusterId !== undefined ? { clusterId: change.clusterId } : {}),
          ...(change.name !== undefined ? { name: change.name.trim() } : {}),
          ...(change.phone !== undefined ? { phone: change.phone.trim() } : {}),
          ...(change.active !== undefined ? { active: change.active } : {}),
        },
      );
      const after = await this.load(em, id);
      await this.audit.record({ action: 'responder.update', entityType: 'responder', entityId: id, before, after }, em);
      return after;
    });
  }

  private async load(em: EntityManager, id: string): Promise<ResponderDto> {
    return toResponderDto(await em.getRepository(ResponderEntity).findOneOrFail({ where: { id }, relations: { cluster: true } }));
  }

  private async checkCluster(em: EntityManager, clusterId: string): Promise<void> {
    if (!(await em.getRepository(ClusterEntity).existsBy({ id: clusterId }))) {
      throw new InvalidInputError([{ field: 'clusterId', code: 'no_such_record' }]);
    }
  }
}
