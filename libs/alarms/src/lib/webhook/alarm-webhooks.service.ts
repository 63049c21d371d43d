import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AlarmWebhookAcceptedDto, AlarmWebhookDryRunDto, AlarmWebhookMapping, AlarmWebhookMappingDto, FieldProblem, OperatorCode } from '@netduty/contracts';
import { AuditService, type Actor } from '@netduty/identity';
import { AlarmWebhookMappingEntity, NmsSourceEntity } from '@netduty/persistence';
import { InvalidInputError, NotFoundError, UnprocessableInputError } from '@netduty/platform-errors';
import type { AlarmChange } from '../intake/alarm-change';
import { AlarmIntake } from '../intake/alarm-intake.service';
import { SiteDirectory } from '../intake/site-directory';
import type { NmsCaller } from '../sources/nms-caller';
import { SourceSystemMismatchError } from '../sources/source-errors';
import { mapWebhookPayload, type WebhookAlarm } from './map-webhook-payload';
import { validateWebhookMapping } from './webhook-mapping';

/** A saved mapping is believed this long on the other api instances (at once on the one that saved it). */
const MAPPING_CACHED_FOR_MS = 2_000;

function mappingDto(row: AlarmWebhookMappingEntity): AlarmWebhookMappingDto {
  return { sourceSystemId: row.sourceSystemId, mapping: row.mapping, updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy };
}

/** The whole alarm, as TMF's Alarm_Create gives it: the webhook always sends what it knows. */
export function webhookAlarmChange(alarm: WebhookAlarm, caller: Pick<NmsCaller, 'sourceSystemId' | 'operatorCode'>): AlarmChange {
  return {
    kind: 'create',
    sourceSystemId: caller.sourceSystemId,
    operatorCode: caller.operatorCode,
    externalAlarmId: alarm.externalAlarmId,
    attributes: {
      state: alarm.state,
      alarmType: alarm.alarmType,
      perceivedSeverity: alarm.perceivedSeverity,
      probableCause: alarm.probableCause,
      specificProblem: alarm.specificProblem,
      siteCode: alarm.siteCode,
      alarmRaisedTime: alarm.alarmRaisedTime,
      alarmClearedTime: alarm.alarmClearedTime,
    },
    changedAt: alarm.alarmClearedTime ?? alarm.alarmRaisedTime,
  };
}

/**
 * The generic alarm webhook: a source's declarative mapping (kept and validated here), its dry run, and
 * the intake of a vendor payload through it — all or nothing: every item is mapped and its site found
 * before any is handed to the group-commit intake, and the answer waits for all of them to be committed.
 */
@Injectable()
export class AlarmWebhooks {
  private readonly cached = new Map<string, { mapping: AlarmWebhookMapping | null; until: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly intake: AlarmIntake,
    private readonly sites: SiteDirectory,
  ) {}

  async mapping(sourceSystemId: string): Promise<AlarmWebhookMappingDto> {
    await this.source(sourceSystemId);
    const row = await this.dataSource.getRepository(AlarmWebhookMappingEntity).findOneBy({ sourceSystemId });
    if (!row) throw new NotFoundError('alarm_webhook_mapping', sourceSystemId);
    return mappingDto(row);
  }

  async saveMapping(actor: Actor, sourceSystemId: string, raw: unknown): Promise<AlarmWebhookMappingDto> {
    const { mapping, problems } = validateWebhookMapping(raw);
    if (!mapping) throw new InvalidInputError(problems);
    const dto = await this.dataSource.transaction(async (em) => {
      await this.source(sourceSystemId, em.getRepository(NmsSourceEntity));
      const repository = em.getRepository(AlarmWebhookMappingEntity);
      const prior = await repository.findOne({ where: { sourceSystemId }, lock: { mode: 'pessimistic_write' } });
      await repository.upsert({ sourceSystemId, mapping, updatedAt: new Date(), updatedBy: actor.userId }, ['sourceSystemId']);
      const saved = mappingDto(await repository.findOneByOrFail({ sourceSystemId }));
      await this.audit.record(
        { action: 'alarm_webhook_mapping.save', entityType: 'nms_source', entityId: sourceSystemId, ...(prior ? { before: mappingDto(prior) } : {}), after: saved },
        em,
      );
      return saved;
    });
    this.cached.delete(sourceSystemId);
    return dto;
  }

  /** A sample payload through the given mapping (or the stored one): its alarms and problems; nothing is stored. */
  async dryRun(sourceSystemId: string, body: unknown): Promise<AlarmWebhookDryRunDto> {
    const source = await this.source(sourceSystemId);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new InvalidInputError([{ field: 'body', code: 'not_an_object' }]);
    const request = body as Record<string, unknown>;
    const unknown = Object.keys(request).filter((key) => key !== 'payload' && key !== 'mapping');
    if (unknown.length > 0) throw new InvalidInputError(unknown.map((field) => ({ field, code: 'unknown_field' })));
    if (request['payload'] === undefined) throw new InvalidInputError([{ field: 'payload', code: 'required' }]);
    let mapping: AlarmWebhookMapping;
    if (request['mapping'] === undefined) mapping = (await this.mapping(sourceSystemId)).mapping;
    else {
      const validated = validateWebhookMapping(request['mapping'], 'mapping');
      if (!validated.mapping) throw new InvalidInputError(validated.problems);
      mapping = validated.mapping;
    }
    const mapped = mapWebhookPayload(request['payload'], mapping);
    const unknownSites = await this.siteProblems(mapped.changes, source.operatorCode);
    return {
      items: mapped.items,
      alarms: mapped.changes.map((alarm) => ({
        ...alarm,
        alarmRaisedTime: alarm.alarmRaisedTime.toISOString(),
        alarmClearedTime: alarm.alarmClearedTime?.toISOString() ?? null,
      })),
      problems: [...mapped.problems, ...unknownSites].sort((a, b) => itemIndex(a) - itemIndex(b)),
    };
  }

  /** One payload from an NMS: every alarm committed (202), or none of them (400/422 naming item and field). */
  async receive(caller: NmsCaller, sourceSystemId: string, payload: unknown): Promise<AlarmWebhookAcceptedDto> {
    if (sourceSystemId !== caller.sourceSystemId) throw new SourceSystemMismatchError('sourceSystemId');
    const mapping = await this.cachedMapping(sourceSystemId);
    if (!mapping) throw new NotFoundError('alarm_webhook_mapping', sourceSystemId);
    const mapped = mapWebhookPayload(payload, mapping);
    if (mapped.problems.length > 0) throw new InvalidInputError(mapped.problems);
    const unknownSites = await this.siteProblems(mapped.changes, caller.operatorCode);
    if (unknownSites.length > 0) throw new UnprocessableInputError(unknownSites);
    const settled = await this.intake.acceptAll(mapped.changes.map((alarm) => webhookAlarmChange(alarm, caller)));
    const counts: AlarmWebhookAcceptedDto = { received: mapped.changes.length, created: 0, updated: 0, unchanged: 0, stale: 0 };
    for (const result of settled) {
      // Only a failure of the database itself gets here (sites and fields were checked above): the NMS
      // retries the payload, which is idempotent per externalAlarmId.
      if (result.status === 'rejected') throw result.reason;
      counts[result.value.outcome] += 1;
    }
    return counts;
  }

  /** Sites not found, or another operator's (told apart from nothing, as the TMF intake does). */
  private async siteProblems(alarms: WebhookAlarm[], operatorCode: OperatorCode): Promise<FieldProblem[]> {
    if (alarms.length === 0) return [];
    const known = await this.sites.byCodes(alarms.map((alarm) => alarm.siteCode));
    return alarms.flatMap((alarm) => {
      const site = known.get(alarm.siteCode);
      return site && site.operatorCode === operatorCode ? [] : [{ field: `items[${alarm.index}].siteCode`, code: 'no_such_record' as const }];
    });
  }

  private async cachedMapping(sourceSystemId: string, now = Date.now()): Promise<AlarmWebhookMapping | null> {
    const entry = this.cached.get(sourceSystemId);
    if (entry && entry.until > now) return entry.mapping;
    const row = await this.dataSource.getRepository(AlarmWebhookMappingEntity).findOneBy({ sourceSystemId });
    if (this.cached.size >= 1_000) this.cached.clear();
    this.cached.set(sourceSystemId, { mapping: row?.mapping ?? null, until: now + MAPPING_CACHED_FOR_MS });
    return row?.mapping ?? null;
  }

  private async source(id: string, repository = this.dataSource.getRepository(NmsSourceEntity)): Promise<NmsSourceEntity> {
    const source = await repository.findOneBy({ id });
    if (!source) throw new NotFoundError('nms_source', id);
    return source;
  }
}

function itemIndex(problem: FieldProblem): number {
  const match = /^items\[(\d+)\]/.exec(problem.field);
  return match ? Number(match[1]) : -1;
}
