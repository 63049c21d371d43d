import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OperatorCode } from '@netduty/contracts';

export interface KnownSite {
  id: string;
  code: string;
  operatorCode: OperatorCode;
}

/** A site's code and operator change rarely (an administrator's edit): a minute's staleness is acceptable. */
const TTL_MS = 60_000;
/** A province has some thousands of sites; the cache holds them all without growing for ever. */
const MAX_ENTRIES = 20_000;

interface Entry {
  site: KnownSite;
  expiresAt: number;
}

/**
 * Sites by code (alarmedObject.id) and by id, for the intake: a small LRU cache with a TTL in front of
 * one `code = ANY($1)` query per batch for the codes it does not hold. Unknown codes are not cached, so
 * a site added a moment ago is found at once.
 */
@Injectable()
export class SiteDirectory {
  private readonly byCode = new Map<string, Entry>();
  private readonly byId = new Map<string, Entry>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byCodes(codes: Iterable<string>, now = Date.now()): Promise<Map<string, KnownSite>> {
    return this.lookUp(this.byCode, 'code', codes, now);
  }

  async byIds(ids: Iterable<string>, now = Date.now()): Promise<Map<string, KnownSite>> {
    return this.lookUp(this.byId, 'id', ids, now);
  }

  private async lookUp(cache: Map<string, Entry>, column: 'code' | 'id', keys: Iterable<string>, now: number): Promise<Map<string, KnownSite>> {
    const found = new Map<string, KnownSite>();
    const missing: string[] = [];
    for (const key of new Set(keys)) {
      const entry = cache.get(key);
      if (entry && entry.expiresAt > now) {
        // Re-inserted: the Map's order is the recency order the eviction reads.
        cache.delete(key);
        cache.set(key, entry);
        found.set(key, entry.site);
      } else {
        missing.push(key);
      }
    }
    if (missing.length === 0) return found;
    const rows = (await this.dataSource.query(
      column === 'code'
        ? `SELECT id, code, operator_code FROM sites WHERE code = ANY($1::text[])`
        : `SELECT id, code, operator_code FROM sites WHERE id = ANY($1::uuid[])`,
      [missing],
    )) as { id: string; code: string; operator_code: OperatorCode }[];
    for (const row of rows) {
      const site: KnownSite = { id: row.id, code: row.code, operatorCode: row.operator_code };
      this.remember(site, now);
      found.set(column === 'code' ? site.code : site.id, site);
    }
    return found;
  }

  private remember(site: KnownSite, now: number): void {
    const entry = { site, expiresAt: now + TTL_MS };
    for (const [cache, key] of [
      [this.byCode, site.code],
      [this.byId, site.id],
    ] as const) {
      cache.delete(key);
      cache.set(key, entry);
      if (cache.size > MAX_ENTRIES) {
        const oldest = cache.keys().next();
        if (!oldest.done) cache.delete(oldest.value);
      }
    }
  }
}
