import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import type { AuditEntryDto, AuditOutcome, AuditQuery, Page, Role } from '@netduty/contracts';
import { spreadsheetCell } from '@netduty/domain';
import { AuditEntryEntity, likeStartingWith } from '@netduty/persistence';
import { requestContext } from '../request-context';

export interface AuditChange {
  action: string;
  entityType?: string;
  entityId?: string | null;
  outcome?: AuditOutcome;
  statusCode?: number | null;
  before?: unknown;
  after?: unknown;
  /** Overrides for entries written outside an authenticated request (e.g. a failed login). */
  actorUsername?: string | null;
  actorUserId?: string | null;
  actorRole?: Role | null;
  /** Where the request came from, for entries written after it (aggregated refusals); else the current request's. */
  origin?: { ip: string | null; userAgent: string | null; method: string | null; path: string | null };
}

function toDto(entry: AuditEntryEntity): AuditEntryDto {
  return {
    id: String(entry.id),
    at: entry.at.toISOString(),
    actorUserId: entry.actorUserId,
    actorUsername: entry.actorUsername,
    actorRole: entry.actorRole,
    ip: entry.ip,
    userAgent: entry.userAgent,
    method: entry.method,
    path: entry.path,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    outcome: entry.outcome,
    statusCode: entry.statusCode,
    before: entry.before,
    after: entry.after,
  };
}

/**
 * The audit trail. Changes are recorded inside the transaction that makes them, so a change and its
 * audit line are committed together or not at all; refused and failed requests are recorded by the api.
 */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
export const AUDIT_EXPORT_BATCH_ROWS = 1_000;
const AUDIT_CSV_COLUMNS = ['id', 'at', 'actorUsername', 'actorRole', 'ip', 'method', 'path', 'action', 'entityType', 'entityId', 'outcome', 'statusCode', 'before', 'after'] as const;

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Marks the current request as needing no audit line (e.g. an anonymous session probe). */
  skipCurrentRequest(): void {
    const context = requestContext.current();
    if (context) context.audited = true;
  }

  async record(change: AuditChange, em: EntityManager = this.dataSource.manager): Promise<void> {
    const context = requestContext.current();
    if (context) context.audited = true;
    const actor = context?.actor ?? null;
    const origin = change.origin ?? context;
    await em.getRepository(AuditEntryEntity).insert({
      actorUserId: change.actorUserId !== undefined ? change.actorUserId : (actor?.userId ?? null),
      actorUsername: change.actorUsername !== undefined ? change.actorUsername : (actor?.username ?? null),
      actorRole: change.actorRole !== undefined ? change.actorRole : (actor?.role ?? null),
      ip: origin?.ip ?? null,
      userAgent: origin?.userAgent?.slice(0, 400) ?? null,
      method: origin?.method ?? null,
      path: origin?.path?.slice(0, 400) ?? null,
      action: change.action,
      entityType: change.entityType ?? null,
      entityId: change.entityId ?? null,
      outcome: change.outcome ?? 'success',
      statusCode: change.statusCode ?? null,
      before: (change.before ?? null) as never,
      after: (change.after ?? null) as never,
    });
  }

  async list(query: AuditQuery): Promise<Page<AuditEntryDto>> {
    const pageSize = Math.min(query.pageSize ?? 50, 500);
    const page = Math.max(query.page ?? 1, 1);
    const [entries, total] = await this.filtered(query)
      .orderBy('entry.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: entries.map(toDto), total };
  }

  /**
   * CSV of the filtered trail (at most AUDIT_EXPORT_MAX_ROWS lines), newest first, as chunks to write
   * as they come: the rows are read in keyset batches of AUDIT_EXPORT_BATCH_ROWS (by id, the primary
   * key), so an export of 100,000 lines holds one batch in memory, never the whole trail.
   */
  async *csvChunks(query: AuditQuery): AsyncGenerator<string> {
    // Excel opens UTF-8 CSV correctly only with a byte-order mark; Vietnamese names need it.
    yield '\ufeff' + stringify([AUDIT_CSV_COLUMNS as unknown as string[]]);
    let remaining = AUDIT_EXPORT_MAX_ROWS;
    let beforeId: string | null = null;
    while (remaining > 0) {
      const batch = this.filtered(query).orderBy('entry.id', 'DESC').take(Math.min(AUDIT_EXPORT_BATCH_ROWS, remaining));
      if (beforeId !== null) batch.andWhere('entry.id < :beforeId', { beforeId });
      const entries = await batch.getMany();
      if (entries.length === 0) return;
      yield stringify(entries.map(toDto).map((entry) => AUDIT_CSV_COLUMNS.map((column) => spreadsheetCell(entry[column]))));
      remaining -= entries.length;
      if (entries.length < AUDIT_EXPORT_BATCH_ROWS) return;
      beforeId = String(entries[entries.length - 1]?.id);
    }
  }

  private filtered(query: AuditQuery) {
    const builder = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('entry');
    if (query.actor) builder.andWhere('entry.actorUsername = :actor', { actor: query.actor.toLowerCase() });
    if (query.action) {
      builder.andWhere(
        new Brackets((where) => where.where('entry.action = :action', { action: query.action }).orWhere('entry.action LIKE :prefix', { prefix: likeStartingWith(`${query.action}.`) })),
      );
    }
    if (query.entityType) builder.andWhere('entry.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId) builder.andWhere('entry.entityId = :entityId', { entityId: query.entityId });
    if (query.outcome) builder.andWhere('entry.outcome = :outcome', { outcome: query.outcome });
    if (query.from) builder.andWhere('entry.at >= :from', { from: query.from });
    if (query.to) builder.andWhere('entry.at < :to', { to: query.to });
    return builder;
  }
}
