import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CreateSiteRequest, SiteDetailDto } from '@netduty/contracts';
import { foldForSearch, scopeFilterOf, siteKindsOf, siteSearchRank, type IncidentScope } from '@netduty/domain';
import { AuditService } from '@netduty/identity';
import { applyScopeFilter, CommuneEntity, OperatorEntity, SiteEntity, likeContaining, likeStartingWith } from '@netduty/persistence';
import { AlreadyExistsError, InvalidInputError, NotFoundError, type FieldProblem } from '@netduty/platform-errors';
import { siteSearchText, toSiteDetailDto } from './inventory-mappers';

export type SiteInput = CreateSiteRequest;

/** How many matches are ranked before the limit cuts: enough that an exact name is never cut off first. */
const SEARCH_CANDIDATES = 400;

/** The site register: BTS, broadband and transmission nodes, postal points. Kept by administrators, found by everyone in scope. */
@Injectable()
export class SitesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Diacritics-insensitive search over code, name, commune and former district: every word of the query
   * must occur somewhere. The order is the domain's siteSearchRank: the name or code matching the query
   * as whole words first ("chi lang" finds the sites named Chi Lăng before a site in another commune of
   * the former Chi Lăng district), then a code starting with it, then the rest; then P0 before P1, the code.
   */
  async search(query: string, limit: number, scope: IncidentScope): Promise<SiteDetailDto[]> {
    const words = foldForSearch(query).split(' ').filter(Boolean).slice(0, 8);
    const builder = this.dataSource
      .getRepository(SiteEntity)
      .createQueryBuilder('site')
      .innerJoinAndSelect('site.operator', 'operator')
      .innerJoinAndSelect('site.commune', 'commune');
    // Responders work assigned incidents; they do not browse or report sites (a site has no assignee).
    applyScopeFilter(builder, 'site', scopeFilterOf(scope));
    words.forEach((word, index) => {
      builder.andWhere(`site.searchText LIKE :word${index}`, { [`word${index}`]: likeContaining(word) });
    });
    const folded = words.join(' ');
    // Candidates in the register's order, ranked by the domain (the name is folded in JavaScript, like
    // the search text), then cut to the limit: a few hundred rows at most for any query of two letters.
    builder
      .addSelect(`CASE WHEN site.search_text LIKE :prefix THEN 0 ELSE 1 END`, 'rank')
      .setParameter('prefix', likeStartingWith(folded))
      .orderBy('rank', 'ASC')
      .addOrderBy('site.priority', 'ASC')
      .addOrderBy('site.code', 'ASC')
      .limit(Math.max(limit, SEARCH_CANDIDATES));
    const sites = await builder.getMany();
    return sites
      .map((site, order) => ({ site, order, rank: siteSearchRank(query, site) }))
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .slice(0, limit)
      .map(({ site }) => toSiteDetailDto(site));
  }

  async create(input: SiteInput): Promise<SiteDetailDto> {
    return this.dataSource.transaction(async (em) => {
      await this.check(em, input);
      if (await em.getRepository(SiteEntity).existsBy({ code: input.code })) {
        throw new AlreadyExistsError('code', 'is already used by another site');
      }
      const commune = await em.getRepository(CommuneEntity).findOneByOrFail({ code: input.communeCode });
      const saved = await em.getRepository(SiteEntity).save({ ...input, searchText: siteSearchText(input, commune) });
      const site = await this.load(em, saved.id);
      await this.audit.record({ action: 'site.create', entityType: 'site', entityId: saved.id, after: site }, em);
      return site;
    });
  }

  async update(id: string, change: Partial<SiteInput>): Promise<SiteDetailDto> {
    return this.dataSource.transaction(async (em) => {
      const current = await em.getRepository(SiteEntity).findOneBy({ id });
      if (!current) throw new NotFoundError('site', id);
      const before = await this.load(em, id);
      const next: SiteInput = {
        code: change.code ?? current.code,
        name: change.name ?? current.name,
        kind: change.kind ?? current.kind,
        operatorCode: change.operatorCode ?? current.operatorCode,
        communeCode: change.communeCode ?? current.communeCode,
        latitude: change.latitude ?? current.latitude,
        longitude: change.longitude ?? current.longitude,
        priority: change.priority ?? current.priority,
        // null clears these; only a field left out keeps its value.
        powerFeeder: change.powerFeeder === undefined ? current.powerFeeder : change.powerFeeder,
        transmissionRoute: change.transmissionRoute === undefined ? current.transmissionRoute : change.transmissionRoute,
        aggregationNode: change.aggregationNode === undefined ? current.aggregationNode : change.aggregationNode,
        batteryCapacityAh: change.batteryCapacityAh === undefined ? current.batteryCapacityAh : change.batteryCapacityAh,
        loadWatts: change.loadWatts === undefined ? current.loadWatts : change.loadWatts,
      };
      await this.check(em, next);
      if (next.code !== current.code && (await em.getRepository(SiteEntity).existsBy({ code: next.code }))) {
        throw new AlreadyExistsError('code', 'is already used by another site');
      }
      const commune = await em.getRepository(CommuneEntity).findOneByOrFail({ code: next.communeCode });
      await em.getRepository(SiteEntity).update({ id }, { ...next, searchText: siteSearchText(next, commune) });
      const after = await this.load(em, id);
      await this.audit.record({ action: 'site.update', entityType: 'site', entityId: id, before, after }, em);
      return after;
    });
  }

  private async load(em: EntityManager, id: string): Promise<SiteDetailDto> {
    const site = await em.getRepository(SiteEntity).findOneOrFail({ where: { id }, relations: { operator: true, commune: true } });
    return toSiteDetailDto(site);
  }

  private async check(em: EntityManager, site: SiteInput): Promise<void> {
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
}
