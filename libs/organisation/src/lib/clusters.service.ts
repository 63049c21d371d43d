import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { ClusterDto, OperatorCode } from '@netduty/contracts';
import { scopeFilterOf, type IncidentScope } from '@netduty/domain';
import { AuditService } from '@netduty/identity';
import { applyScopeFilter, ClusterEntity, CommuneEntity, OperatorEntity } from '@netduty/persistence';
import { InvalidInputError, NotFoundError } from '@netduty/platform-errors';
import { toClusterDto } from './organisation-mappers';

/** The operators' technical clusters (cụm kỹ thuật) and the communes each covers. */
@Injectable()
export class ClustersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Clusters within the scope: a cluster's staff see the clusters serving one of their communes. */
  async list(scope: IncidentScope): Promise<ClusterDto[]> {
    const query = this.dataSource
      .getRepository(ClusterEntity)
      .createQueryBuilder('cluster')
      .leftJoinAndSelect('cluster.communes', 'commune')
      .orderBy('cluster.operatorCode', 'ASC')
      .addOrderBy('cluster.name', 'ASC');
    applyScopeFilter(query, 'cluster', scopeFilterOf(scope));
    return (await query.getMany()).map(toClusterDto);
  }

  async create(input: { operatorCode: OperatorCode; name: string; communeCodes: string[] }): Promise<ClusterDto> {
    return this.dataSource.transaction(async (em) => {
      if (!(await em.getRepository(OperatorEntity).existsBy({ code: input.operatorCode }))) {
        throw new InvalidInputError([{ field: 'operatorCode', code: 'no_such_record' }]);
      }
      const communes = await this.communes(em, input.communeCodes);
      const cluster = await em.getRepository(ClusterEntity).save({ operatorCode: input.operatorCode, name: input.name.trim(), communes });
      await this.audit.record({ action: 'cluster.create', entityType: 'cluster', entityId: cluster.id, after: toClusterDto(cluster) }, em);
      return toClusterDto(cluster);
    });
  }

  async update(id: string, change: { name?: string; communeCodes?: string[] }): Promise<ClusterDto> {
    return this.dataSource.transaction(async (em) => {
      const cluster = await em.getRepository(ClusterEntity).findOne({ where: { id }, relations: { communes: true } });
      if (!cluster) throw new NotFoundError('cluster', id);
      const before = toClusterDto(cluster);
      if (change.name !== undefined) cluster.name = change.name.trim();
      if (change.communeCodes !== undefined) cluster.communes = await this.communes(em, change.communeCodes);
      await em.getRepository(ClusterEntity).save(cluster);
      await this.audit.record({ action: 'cluster.update', entityType: 'cluster', entityId: id, before, after: toClusterDto(cluster) }, em);
      return toClusterDto(cluster);
    });
  }

  private async communes(em: EntityManager, codes: string[]): Promise<CommuneEntity[]> {
    const unique = [...new Set(codes)];
    const found = unique.length ? await em.getRepository(CommuneEntity).findBy({ code: In(unique) }) : [];
    const unknown = unique.filter((code) => !found.some((commune) => commune.code === code));
    if (unknown.length) throw new InvalidInputError([{ field: 'communeCodes', code: 'no_such_record', params: { codes: unknown } }]);
    return found;
  }
}
