import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CommuneDto, OperatorDto, SiteSummaryDto } from '@netduty/contracts';
import { foldForSearch, scopeFilterOf, type IncidentScope } from '@netduty/domain';
import { applyScopeFilter, CommuneEntity, OperatorEntity, SiteEntity, likeContaining, likeStartingWith } from '@netduty/persistence';
import { toCommuneDto, toOperatorDto, toSiteSummaryDto } from '../incidents/incident-mapper';

/** Reference data: operators, communes and sites. */
@Injectable()
export class CatalogueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async operators(): Promise<OperatorDto[]> {
    const operators = await this.dataSource.getRepository(OperatorEntity).find({ order: { kind: 'DESC', name: 'ASC' } });
    return operators.map(toOperatorDto);
  }

  async communes(): Promise<CommuneDto[]> {
    const communes = await this.dataSource.getRepository(CommuneEntity).find();
    return communes.sort((a, b) => a.name.localeCompare(b.name, 'vi')).map(toCommuneDto);
  }

  /**
   * Diacritics-insensitive search over code, name and commune: every word of the query must occur.
   * Matches on the code's start rank first, so typing a code finds that site at the top.
   */
  async searchSites(query: string, limit: number, scope: IncidentScope): Promise<SiteSummaryDto[]> {
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
    builder
      .addSelect(`CASE WHEN site.search_text LIKE :prefix THEN 0 ELSE 1 END`, 'rank')
      .setParameter('prefix', likeStartingWith(folded))
      .orderBy('rank', 'ASC')
      .addOrderBy('site.priority', 'ASC')
      .addOrderBy('site.code', 'ASC')
      .limit(limit);
    const sites = await builder.getMany();
    return sites.map(toSiteSummaryDto);
  }
}

/** What a site is found by: its code, name, commune and former district, folded. */
export function siteSearchText(site: { code: string; name: string }, commune: { name: string; formerDistrict: string | null }): string {
  return foldForSearch([site.code, site.name, commune.name, commune.formerDistrict ?? ''].join(' '));
}
