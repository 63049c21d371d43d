import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { CreateNmsSourceRequest, IssuedNmsApiKeyDto, NmsApiKeyDto, NmsSourceDto } from '@netduty/contracts';
import { AuditService, type Actor } from '@netduty/identity';
import { NmsApiKeyEntity, NmsSourceEntity, OperatorEntity } from '@netduty/persistence';
import { AlreadyExistsError, InvalidInputError, NotFoundError } from '@netduty/platform-errors';
import { newNmsApiKey } from './nms-api-key';
import { NmsKeyAuthenticator } from './nms-key-authenticator';

function keyDto(key: NmsApiKeyEntity): NmsApiKeyDto {
  return {
    id: key.id,
    sourceSystemId: key.sourceSystemId,
    label: key.label,
    keyHint: key.keyHint,
    createdAt: key.createdAt.toISOString(),
    createdBy: key.createdBy,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  };
}

/**
 * The NMSs that may send alarms and their API keys, kept by administrators. Every change is audited in
 * its own transaction; a key's plaintext is returned once, when issued, and is in no audit line.
 */
@Injectable()
export class NmsSourcesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly authenticator: NmsKeyAuthenticator,
  ) {}

  async list(): Promise<NmsSourceDto[]> {
    const rows = (await this.dataSource.query(
      `SELECT s.id, s.operator_code, s.name, s.created_at, count(k.id) FILTER (WHERE k.revoked_at IS NULL)::int AS active_keys,
              s.snmp_community_hash IS NOT NULL AS snmp_community_set, EXISTS (SELECT 1 FROM alarm_webhook_mappings m WHERE m.source_system_id = s.id) AS webhook_mapping
         FROM nms_sources s LEFT JOIN nms_api_keys k ON k.source_system_id = s.id
        GROUP BY s.id ORDER BY s.id`,
    )) as { id: string; operator_code: NmsSourceDto['operatorCode']; name: string; created_at: Date; active_keys: number; snmp_community_set: boolean; webhook_mapping: boolean }[];
    return rows.map((row) => ({
      id: row.id,
      operatorCode: row.operator_code,
      name: row.name,
      createdAt: new Date(row.created_at).toISOString(),
      activeKeys: row.active_keys,
      snmpCommunitySet: row.snmp_community_set,
      webhookMapping: row.webhook_mapping,
    }));
  }

  async create(input: CreateNmsSourceRequest): Promise<NmsSourceDto> {
    return this.dataSource.transaction(async (em) => {
      if (!(await em.getRepository(OperatorEntity).existsBy({ code: input.operatorCode }))) {
        throw new InvalidInputError([{ field: 'operatorCode', code: 'no_such_record' }]);
      }
      if (await em.getRepository(NmsSourceEntity).existsBy({ id: input.id })) throw new AlreadyExistsError('id');
      const saved = await em.getRepository(NmsSourceEntity).save({ id: input.id, operatorCode: input.operatorCode, name: input.name });
      const dto: NmsSourceDto = { id: saved.id, operatorCode: saved.operatorCode, name: saved.name, createdAt: saved.createdAt.toISOString(), activeKeys: 0, snmpCommunitySet: false, webhookMapping: false };
      await this.audit.record({ action: 'nms_source.create', entityType: 'nms_source', entityId: saved.id, after: dto }, em);
      return dto;
    });
  }

  async keys(sourceSystemId: string): Promise<NmsApiKeyDto[]> {
    await this.source(this.dataSource.manager, sourceSystemId);
    const keys = await this.dataSource.getRepository(NmsApiKeyEntity).find({ where: { sourceSystemId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return keys.map(keyDto);
  }

  async issueKey(actor: Actor, sourceSystemId: string, label: string): Promise<IssuedNmsApiKeyDto> {
    return this.dataSource.transaction(async (em) => {
      await this.source(em, sourceSystemId);
      const issued = newNmsApiKey();
      const saved = await em.getRepository(NmsApiKeyEntity).save({ sourceSystemId, keyHash: issued.keyHash, keyHint: issued.keyHint, label, createdBy: actor.userId, revokedAt: null, lastUsedAt: null });
      const dto = keyDto(saved);
      await this.audit.record({ action: 'nms_api_key.issue', entityType: 'nms_api_key', entityId: saved.id, after: dto }, em);
      return { ...dto, key: issued.key };
    });
  }

  /** Revoked at once on this instance; a key already revoked stays as it was (nothing audited twice). */
  async revokeKey(sourceSystemId: string, keyId: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const key = await em.getRepository(NmsApiKeyEntity).findOne({ where: { id: keyId, sourceSystemId }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw new NotFoundError('nms_api_key', keyId);
      if (key.revokedAt !== null) return;
      const before = keyDto(key);
      await em.getRepository(NmsApiKeyEntity).update({ id: keyId, revokedAt: IsNull() }, { revokedAt: new Date() });
      const after = keyDto(await em.getRepository(NmsApiKeyEntity).findOneByOrFail({ id: keyId }));
      await this.audit.record({ action: 'nms_api_key.revoke', entityType: 'nms_api_key', entityId: keyId, before, after }, em);
    });
    this.authenticator.forget(keyId);
  }

  private async source(em: EntityManager, id: string): Promise<NmsSourceEntity> {
    const source = await em.getRepository(NmsSourceEntity).findOneBy({ id });
    if (!source) throw new NotFoundError('nms_source', id);
    return source;
  }
}
