import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { ClusterDto, CreateSiteRequest, OperatorCode, OperatorDto, ResponderDto, SiteSummaryDto } from '@netduty/contracts';
import { scopeFilterOf, siteKindsOf, type IncidentScope } from '@netduty/domain';
import { applyScopeFilter, ClusterEntity, CommuneEntity, OperatorEntity, ResponderEntity, SiteEntity } from '@netduty/persistence';
import { AuditService } from '../audit/audit.service';
import { AlreadyExistsError, InvalidInputError, NotFoundError, type FieldProblem } from '@netduty/platform-errors';
import { toOperatorDto, toResponderDto, toSiteSummaryDto } from '../incidents/incident-mapper';
import { siteSearchText } from './catalogue.service';

export type SiteInput = CreateSiteRequest;

function toClusterDto(cluster: ClusterEntity): ClusterDto {
  return {
    id: cluster.id,
    name: cluster.name,
    operator: cluster.operatorCode,
    communeCodes: cluster.communes.map((commune) => commune.code).sort(),
  };
}

/** Operators and technical clusters, kept by administrators. */
@Injectable()
export class ReferenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Clusters within the scope: a cluster's staff see the clusters serving one of their communes. */
  async clusters(scope: IncidentScope): Promise<ClusterDto[]> {
    const query = this.dataSource
      .getRepository(ClusterEntity)
      .createQueryBuilder('cluster')
      .leftJoinAndSelect('cluster.communes', 'commune')
      .orderBy('cluster.operatorCode', 'ASC')
      .addOrderBy('cluster.name', 'ASC');
    applyScopeFilter(query, 'cluster', scopeFilterOf(scope));
    return (await query.getMany()).map(toClusterDto);
  }

  /** Responders within the scope, optionally of one cluster (for dispatch lists and account linking). */
  async responders(scope: IncidentScope, clusterId?: string): Promise<ResponderDto[]> {
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

  async renameOperator(code: OperatorCode, name: string): Promise<OperatorDto> {
    return this.dataSource.transaction(async (em) => {
      const operator = await em.getRepository(OperatorEntity).findOneBy({ code });
      if (!operator) throw new NotFoundError('operator', code);
      const before = { ...operator };
      operator.name = name.trim();
      await em.getRepository(OperatorEntity).save(operator);
      await this.audit.record({ action: 'operator.update', entityType: 'operator', entityId: code, before, after: operator }, em);
      return toOperatorDto(operator);
    });
  }

  async createCluster(input: { operatorCode: OperatorCode; name: string; communeCodes: string[] }): Promise<ClusterDto> {
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

  async updateCluster(id: string, change: { name?: string; communeCodes?: string[] }): Promise<ClusterDto> {
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

  async createSite(input: SiteInput): Promise<SiteSummaryDto> {
    return this.dataSource.transaction(async (em) => {
      await this.checkSite(em, input);
      if (await em.getRepository(SiteEntity).existsBy({ code: input.code })) {
        throw new AlreadyExistsError('code', 'is already used by another site');
      }
      const commune = await em.getRepository(CommuneEntity).findOneByOrFail({ code: input.communeCode });
      const saved = await em.getRepository(SiteEntity).save({ ...input, searchText: siteSearchText(input, commune) });
      const site = await this.loadSite(em, saved.id);
      await this.audit.record({ action: 'site.create', entityType: 'site', entityId: saved.id, after: site }, em);
      return site;
    });
  }

  async updateSite(id: string, change: Partial<SiteInput>): Promise<SiteSummaryDto> {
    return this.dataSource.transaction(async (em) => {
      const current = await em.getRepository(SiteEntity).findOneBy({ id });
      if (!current) throw new NotFoundError('site', id);
      const before = await this.loadSite(em, id);
      const next: SiteInput = {
        code: change.code ?? current.code,
        name: change.name ?? current.name,
        kind: change.kind ?? current.kind,
        operatorCode: change.operatorCode ?? current.operatorCode,
        communeCode: change.communeCode ?? current.communeCode,
        latitude: change.latitude ?? current.latitude,
        longitude: change.longitude ?? current.longitude,
        priority: change.priority ?? current.priority,
      };
      await this.checkSite(em, next);
      if (next.code !== current.code && (await em.getRepository(SiteEntity).existsBy({ code: next.code }))) {
        throw new AlreadyExistsError('code', 'is already used by another site');
      }
      const commune = await em.getRepository(CommuneEntity).findOneByOrFail({ code: next.communeCode });
      await em.getRepository(SiteEntity).update({ id }, { ...next, searchText: siteSearchText(next, commune) });
      const after = await this.loadSite(em, id);
      await this.audit.record({ action: 'site.update', entityType: 'site', entityId: id, before, after }, em);
      return after;
    });
  }

  private async loadSite(em: EntityManager, id: string): Promise<SiteSummaryDto> {
    const site = await em.getRepository(SiteEntity).findOneOrFail({ where: { id }, relations: { operator: true, commune: true } });
    return toSiteSummaryDto(site);
  }

  private async checkSite(em: EntityManager, site: SiteInput): Promise<void> {
    const problems: FieldProblem[] = [];
    const operator = await em.getRepository(OperatorEntity).findOneBy({ code: site.operatorCode });
    if (!operator) problems.push({ field: 'operatorCode', code: 'no_such_record' });
    if (!(await em.getRepository(CommuneEntity).existsBy({ code: site.communeCode }))) {
      problems.push({ field: 'communeCode', code: 'no_such_record' });
    }
    // Postal operators are told apart by their kind, not by a list of codes: they run postal points only.
    if (operator && siteKindsOf(operator.kind).every((kind) => kind !== site.kind)) {
      problems.push({ field: 'kind', code: 'not_one_of', params: { allowed: siteKindsOf(operator.kind) } });
    }
    if (problems.length) throw new InvalidInputError(problems);
  }

  private async communes(em: EntityManager, codes: string[]): Promise<CommuneEntity[]> {
    const unique = [...new Set(codes)];
    const found = unique.length ? await em.getRepository(CommuneEntity).findBy({ code: In(unique) }) : [];
    const unknown = unique.filter((code) => !found.some((commune) => commune.code === code));
    if (unknown.length) throw new InvalidInputError([{ field: 'communeCodes', code: 'no_such_record', params: { codes: unknown } }]);
    return found;
  }
}
