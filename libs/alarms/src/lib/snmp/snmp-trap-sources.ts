import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OperatorCode } from '@netduty/contracts';
import { AuditService } from '@netduty/identity';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { AlreadyExistsError, NotFoundError } from '@netduty/platform-errors';
import type { TrapSource } from './trap-to-alarm-change';

/** SHA-256 hex of a v2c community: all nms_sources keeps of it. */
export function snmpCommunityHash(community: string): string {
  return createHash('sha256').update(community, 'utf8').digest('hex');
}

/** An answer (a source, or none) is believed this long: a storm of traps asks the database once per community. */
const BELIEVED_FOR_MS = 10_000;
const MAX_CACHED = 1_000;

/** One SNMPv3 user as net-snmp's authorizer takes it (SHA + AES, authPriv), and the source it speaks for. */
export interface SnmpV3User {
  user: string;
  sourceSystemId: string;
  authKey: string;
  privKey: string;
}

/**
 * Which NMS source a trap is from: by its v2c community (its hash, in nms_sources) or by its v3 user.
 *
 * Why the v3 keys come from the environment (SNMP_V3_USERS) and not from the database: net-snmp must
 * hold a user's authentication and privacy passwords in clear to check and decrypt each trap, so a hash
 * cannot do, and sealing them in the database would only move the key to the environment while putting
 * the ciphertext in every dump and backup. Trap users are few, set up once per NMS with the network
 * team, and are deployment secrets like JWT_SECRET: they live with those. The database still says which
 * operator a user's source belongs to, so a source's operator is never taken from configuration.
 */
@Injectable()
export class SnmpTrapSources {
  private readonly byCommunityHash = new Map<string, { source: TrapSource | null; until: number }>();
  private readonly byId = new Map<string, { source: TrapSource | null; until: number }>();
  private readonly v3: ReadonlyMap<string, SnmpV3User>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly audit: AuditService,
  ) {
    this.v3 = new Map(config.SNMP_V3_USERS.map((entry) => [entry.user, entry]));
  }

  v3Users(): SnmpV3User[] {
    return [...this.v3.values()];
  }

  /** The source of a v2c community, or null (unknown: the trap is dropped). */
  async byCommunity(community: string, now = Date.now()): Promise<TrapSource | null> {
    return this.cached(this.byCommunityHash, snmpCommunityHash(community), now, `SELECT id, operator_code FROM nms_sources WHERE snmp_community_hash = $1`);
  }

  /** The source of a v3 user net-snmp has authenticated, or null (its source is not in nms_sources). */
  async byV3User(user: string, now = Date.now()): Promise<TrapSource | null> {
    const entry = this.v3.get(user);
    if (!entry) return null;
    return this.cached(this.byId, entry.sourceSystemId, now, `SELECT id, operator_code FROM nms_sources WHERE id = $1`);
  }

  /**
   * Sets (or with null removes) a source's v2c community, audited in the same transaction; only its
   * hash is written, and the audit line says only that it changed. A community already another source's
   * is refused (409): a trap's community must name one source.
   */
  async setCommunity(sourceSystemId: string, community: string | null): Promise<void> {
    const hash = community === null ? null : snmpCommunityHash(community);
    try {
      await this.dataSource.transaction(async (em) => {
        const [rows] = (await em.query(`UPDATE nms_sources SET snmp_community_hash = $2 WHERE id = $1 RETURNING id`, [sourceSystemId, hash])) as [unknown[], number];
        if (rows.length === 0) throw new NotFoundError('nms_source', sourceSystemId);
        const action = hash === null ? 'nms_source.snmp_community_remove' : 'nms_source.snmp_community_set';
        await this.audit.record({ action, entityType: 'nms_source', entityId: sourceSystemId, after: { snmpCommunity: hash === null ? 'none' : 'set' } }, em);
      });
    } catch (error) {
      if ((error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code === '23505') throw new AlreadyExistsError('community');
      throw error;
    }
    this.byCommunityHash.clear();
  }

  private async cached(cache: Map<string, { source: TrapSource | null; until: number }>, key: string, now: number, sql: string): Promise<TrapSource | null> {
    const hit = cache.get(key);
    if (hit && hit.until > now) return hit.source;
    const [row] = (await this.dataSource.query(sql, [key])) as { id: string; operator_code: OperatorCode }[];
    const source = row ? { sourceSystemId: row.id, operatorCode: row.operator_code } : null;
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, { source, until: now + BELIEVED_FOR_MS });
    return source;
  }
}
