import type { EntityManager } from 'typeorm';
import { SiteEntity } from '@netduty/persistence';
import type { ReportedSite } from '../ports/incident-record';
import type { SiteLookup } from '../ports/site-lookup';

export class TypeOrmSiteLookup implements SiteLookup {
  constructor(private readonly em: EntityManager) {}

  find(siteId: string): Promise<ReportedSite | null> {
    return this.em
      .getRepository(SiteEntity)
      .findOne({ where: { id: siteId }, select: { id: true, operatorCode: true, communeCode: true, priority: true } });
  }
}
