import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ResponderDto } from '@netduty/contracts';
import { scopeFilterOf, type IncidentScope } from '@netduty/domain';
import { applyScopeFilter, ResponderEntity } from '@netduty/persistence';
import { toResponderDto } from './organisation-mappers';

/** The clusters' field responders (ứng cứu thông tin), who are dispatched to incidents. */
@Injectable()
export class RespondersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
}
