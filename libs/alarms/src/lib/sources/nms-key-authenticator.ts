import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OperatorCode } from '@netduty/contracts';
import { NotAuthenticatedError } from '@netduty/identity';
import { looksLikeNmsApiKey, nmsApiKeyHash } from './nms-api-key';
import type { NmsCaller } from './nms-caller';

/**
 * A proven key is believed this long without asking the database again: an NMS may send thousands of
 * alarms a second. A revocation therefore takes effect at once on the api instance that made it, and
 * within this long on the others.
 */
const PROVEN_FOR_MS = 2_000;
const MAX_CACHED_KEYS = 1_000;
/** last_used_at is a hint for administrators, not a log: written at most once a minute per key. */
const LAST_USED_EVERY_MS = 60_000;

const REFUSED = 'unknown or revoked API key';

/** Who a TMF642 request is from, by its X-API-Key; unknown and revoked keys are refused alike (401). */
@Injectable()
export class NmsKeyAuthenticator {
  private readonly logger = new Logger(NmsKeyAuthenticator.name);
  private readonly proven = new Map<string, { caller: NmsCaller; until: number }>();
  /** Lookups under way: a burst of requests with one key asks the database once, not once each. */
  private readonly lookingUp = new Map<string, Promise<NmsCaller>>();
  private readonly lastUsedWritten = new Map<string, number>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async authenticate(header: string | undefined, now = Date.now()): Promise<NmsCaller> {
    if (!header) throw new NotAuthenticatedError('send X-API-Key: the API key of your NMS');
    if (!looksLikeNmsApiKey(header)) throw new NotAuthenticatedError(REFUSED);
    const hash = nmsApiKeyHash(header);
    const cached = this.proven.get(hash);
    const caller = cached && cached.until > now ? cached.caller : await this.lookUpOnce(hash, now);
    this.noteUse(caller.keyId, now);
    return caller;
  }

  /** Forgets a revoked key here at once (other instances within PROVEN_FOR_MS). */
  forget(keyId: string): void {
    for (const [hash, entry] of this.proven) if (entry.caller.keyId === keyId) this.proven.delete(hash);
  }

  private lookUpOnce(hash: string, now: number): Promise<NmsCaller> {
    const running = this.lookingUp.get(hash);
    if (running) return running;
    const lookup = this.lookUp(hash, now).finally(() => this.lookingUp.delete(hash));
    this.lookingUp.set(hash, lookup);
    return lookup;
  }

  private async lookUp(hash: string, now: number): Promise<NmsCaller> {
    const rows = (await this.dataSource.query(
      `SELECT k.id, k.source_system_id, k.revoked_at, s.operator_code
         FROM nms_api_keys k JOIN nms_sources s ON s.id = k.source_system_id
        WHERE k.key_hash = $1`,
      [hash],
    )) as { id: string; source_system_id: string; revoked_at: Date | null; operator_code: OperatorCode }[];
    const row = rows[0];
    if (!row || row.revoked_at !== null) {
      this.proven.delete(hash);
      throw new NotAuthenticatedError(REFUSED);
    }
    const caller: NmsCaller = { sourceSystemId: row.source_system_id, operatorCode: row.operator_code, keyId: row.id };
    if (this.proven.size >= MAX_CACHED_KEYS) this.proven.clear();
    this.proven.set(hash, { caller, until: now + PROVEN_FOR_MS });
    return caller;
  }

  private noteUse(keyId: string, now: number): void {
    const last = this.lastUsedWritten.get(keyId);
    if (last !== undefined && now - last < LAST_USED_EVERY_MS) return;
    this.lastUsedWritten.set(keyId, now);
    // Other api instances write too; the condition keeps it to about once a minute in all.
    this.dataSource
      .query(`UPDATE nms_api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`, [keyId])
      .catch((error: Error) => this.logger.warn(`last_used_at of NMS key ${keyId} not written: ${error.message}`));
  }
}
