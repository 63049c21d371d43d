import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { SITE_DEPENDENCY_CSV_COLUMNS, SITE_DEPENDENCY_CSV_MAX_PROBLEMS, type SiteDependenciesImportDto } from '@netduty/contracts';
import { readSiteDependencyCsv, siteDependencyCsvRow, type SiteDependencies } from '@netduty/domain';
import { AuditService } from '@netduty/identity';
import { SiteEntity } from '@netduty/persistence';
import { InvalidInputError, type FieldProblem } from '@netduty/platform-errors';

const DEPENDENCY_COLUMNS = { code: true, powerFeeder: true, transmissionRoute: true, aggregationNode: true, batteryCapacityAh: true, loadWatts: true } as const;

function dependenciesOf(site: SiteEntity): SiteDependencies {
  return {
    powerFeeder: site.powerFeeder,
    transmissionRoute: site.transmissionRoute,
    aggregationNode: site.aggregationNode,
    batteryCapacityAh: site.batteryCapacityAh,
    loadWatts: site.loadWatts,
  };
}

/** The columns are `real`: a number is the same when it stores as the same single-precision value. */
const sameQuantity = (a: number | null, b: number | null): boolean => (a === null || b === null ? a === b : Math.fround(a) === Math.fround(b));

function sameDependencies(a: SiteDependencies, b: SiteDependencies): boolean {
  return (
    a.powerFeeder === b.powerFeeder &&
    a.transmissionRoute === b.transmissionRoute &&
    a.aggregationNode === b.aggregationNode &&
    sameQuantity(a.batteryCapacityAh, b.batteryCapacityAh) &&
    sameQuantity(a.loadWatts, b.loadWatts)
  );
}

/**
 * What the sites depend on (power feeder, fibre route, aggregation node, battery bank and load), kept in
 * bulk as a CSV file an administrator exports, edits in a spreadsheet and imports back.
 */
@Injectable()
export class SiteDependenciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Every site's dependencies, by code: the file `importCsv` reads (with a byte-order mark, for Excel). */
  async exportCsv(): Promise<string> {
    const sites = await this.dataSource.getRepository(SiteEntity).find({ select: DEPENDENCY_COLUMNS, order: { code: 'ASC' } });
    return '\ufeff' + stringify([[...SITE_DEPENDENCY_CSV_COLUMNS], ...sites.map((site) => siteDependencyCsvRow({ code: site.code, ...dependenciesOf(site) }))]);
  }

  /**
   * Applies a dependencies file all or nothing: any bad cell or unknown site refuses the whole file
   * (each problem named by its row and column) and writes nothing. The sites it names are locked while
   * it runs, so an edit made meanwhile is neither lost nor overwritten half-way. One audit line records
   * what each changed site had before and has after.
   */
  async importCsv(text: string): Promise<SiteDependenciesImportDto> {
    const file = readSiteDependencyCsv(text);
    if (file.problems.length) throw new InvalidInputError(file.problems);
    return this.dataSource.transaction(async (em) => {
      const codes = file.rows.map((row) => row.siteCode);
      const sites =
        codes.length === 0
          ? []
          : await em.getRepository(SiteEntity).createQueryBuilder('site').where('site.code = ANY(:codes)', { codes }).orderBy('site.id').setLock('pessimistic_write').getMany();
      const byCode = new Map(sites.map((site) => [site.code, site]));
      const unknown: FieldProblem[] = file.rows
        .filter((row) => !byCode.has(row.siteCode))
        .slice(0, SITE_DEPENDENCY_CSV_MAX_PROBLEMS)
        .map((row) => ({ field: `row ${row.row}: site_code`, code: 'no_such_record' }));
      if (unknown.length) throw new InvalidInputError(unknown);

      const changes = file.rows.flatMap((row) => {
        const site = byCode.get(row.siteCode) as SiteEntity;
        const before = dependenciesOf(site);
        const after = { ...before, ...row.change };
        return sameDependencies(before, after) ? [] : [{ site, before, after }];
      });
      if (changes.length > 0) {
        // One statement for the whole file, however many rows it has.
        await em.query(
          `UPDATE sites AS site
              SET power_feeder = change.power_feeder, transmission_route = change.transmission_route, aggregation_node = change.aggregation_node,
                  battery_capacity_ah = change.battery_capacity_ah, load_watts = change.load_watts
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::real[], $6::real[])
                  AS change (id, power_feeder, transmission_route, aggregation_node, battery_capacity_ah, load_watts)
            WHERE site.id = change.id`,
          [
            changes.map((change) => change.site.id),
            changes.map((change) => change.after.powerFeeder),
            changes.map((change) => change.after.transmissionRoute),
            changes.map((change) => change.after.aggregationNode),
            changes.map((change) => change.after.batteryCapacityAh),
            changes.map((change) => change.after.loadWatts),
          ],
        );
      }
      await this.audit.record(
        {
          action: 'site.import_dependencies',
          entityType: 'site',
          before: Object.fromEntries(changes.map((change) => [change.site.code, change.before])),
          after: Object.fromEntries(changes.map((change) => [change.site.code, change.after])),
        },
        em,
      );
      return { updated: changes.length, unchanged: file.rows.length - changes.length };
    });
  }
}
