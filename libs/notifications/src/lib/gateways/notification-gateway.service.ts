import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotificationDeliveryDto, NotificationGatewayDto, SaveNotificationGatewayRequest } from '@netduty/contracts';
import { AuditService } from '@netduty/identity';
import { NotificationDeliveryEntity, NotificationGatewayEntity } from '@netduty/persistence';
import { ConflictError, InvalidInputError, NotFoundError } from '@netduty/platform-errors';
import { toDeliveryDto } from '../delivery-log.service';
import { NotificationOutbox } from '../outbox/notification-outbox';
import { toGatewayDto } from './gateway-mapper';
import { gatewayProblems } from './gateway-problems';

/**
 * The gateways table for the admin screens. Every change is audited in its transaction, with the
 * secret-free view before and after. Workers pick changes up on their next sweep (a new rate restarts
 * the gateway's queue worker, a disabled gateway's worker stops).
 */
@Injectable()
export class NotificationGatewayService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: NotificationOutbox,
  ) {}

  /**
   * "Send test": one message through the gateway to the address given, as an outbox row like any other
   * (rate-limited, retried, in the delivery log of `recipientUserId`, the admin who asked). Audited.
   */
  async sendTest(id: string, address: string, recipientUserId: string): Promise<NotificationDeliveryDto> {
    const gateway = await this.dataSource.getRepository(NotificationGatewayEntity).findOneBy({ id });
    if (!gateway) throw new NotFoundError('notification gateway', id);
    if (!gateway.enabled) throw new ConflictError('gateway_disabled', 'enable the gateway before sending a test through it');
    const [row] = await this.outbox.addAndDispatch([
      {
        sourceKey: `gateway-test-${randomUUID()}`,
        incidentId: null,
        recipientUserId,
        channel: gateway.kind,
        gatewayId: gateway.id,
        address,
        payload: { titleKey: 'gateway.test', params: { gateway: gateway.name } },
        urgencyRank: 0,
      },
    ]);
    if (!row) throw new Error('the test delivery was not stored');
    await this.audit.record({ action: 'notification_gateway.test', entityType: 'notification_gateway', entityId: gateway.id, after: { deliveryId: row.id, address } });
    return toDeliveryDto(await this.dataSource.getRepository(NotificationDeliveryEntity).findOneByOrFail({ id: row.id }));
  }

  async list(): Promise<NotificationGatewayDto[]> {
    const gateways = await this.dataSource.getRepository(NotificationGatewayEntity).find({ order: { kind: 'ASC', name: 'ASC' } });
    return Promise.all(gateways.map((gateway) => this.dto(this.dataSource.manager, gateway)));
  }

  async create(request: SaveNotificationGatewayRequest): Promise<NotificationGatewayDto> {
    const problems = gatewayProblems(request);
    if (problems.length > 0) throw new InvalidInputError(problems);
    return this.dataSource.transaction(async (em) => {
      const saved = await em.getRepository(NotificationGatewayEntity).save(this.columns(request));
      const after = await this.dto(em, await em.getRepository(NotificationGatewayEntity).findOneByOrFail({ id: saved.id }));
      await this.audit.record({ action: 'notification_gateway.create', entityType: 'notification_gateway', entityId: saved.id, after }, em);
      return after;
    });
  }

  /** The request replaces the gateway's settings; a secret left out (undefined) is kept, null clears it. */
  async update(id: string, request: SaveNotificationGatewayRequest): Promise<NotificationGatewayDto> {
    return this.dataSource.transaction(async (em) => {
      const repository = em.getRepository(NotificationGatewayEntity);
      const current = await repository.createQueryBuilder('gateway').setLock('pessimistic_write').where('gateway.id = :id', { id }).getOne();
      if (!current) throw new NotFoundError('notification gateway', id);
      if (request.kind !== current.kind) throw new InvalidInputError([{ field: 'kind', code: 'not_one_of', params: { allowed: [current.kind] } }]);
      const problems = gatewayProblems(request);
      if (problems.length > 0) throw new InvalidInputError(problems);
      const before = await this.dto(em, current);
      await repository.update({ id }, this.columns(request));
      const after = await this.dto(em, await repository.findOneByOrFail({ id }));
      await this.audit.record({ action: 'notification_gateway.update', entityType: 'notification_gateway', entityId: id, before, after }, em);
      return after;
    });
  }

  private columns(request: SaveNotificationGatewayRequest): Partial<NotificationGatewayEntity> {
    const email = request.kind === 'email';
    const columns: Partial<NotificationGatewayEntity> = {
      kind: request.kind,
      name: request.name.trim(),
      enabled: request.enabled ?? true,
      rateLimitPerSecond: request.rateLimitPerSecond ?? 10,
      smtpHost: email ? (request.smtpHost ?? null) : null,
      smtpPort: email ? (request.smtpPort ?? null) : null,
      smtpSecure: email ? (request.smtpSecure ?? false) : false,
      smtpUser: email ? (request.smtpUser ?? null) : null,
      fromAddress: email ? (request.fromAddress ?? null) : null,
      url: email ? null : (request.url ?? null),
      method: request.method ?? 'POST',
      headers: email ? {} : (request.headers ?? {}),
      bodyTemplate: email ? null : (request.bodyTemplate ?? null),
    };
    if (request.smtpPassword !== undefined) columns.smtpPassword = request.smtpPassword;
    if (request.webhookSecret !== undefined) columns.webhookSecret = request.webhookSecret;
    return columns;
  }

  private async dto(em: EntityManager, gateway: NotificationGatewayEntity): Promise<NotificationGatewayDto> {
    const [secrets] = (await em.query(
      `SELECT smtp_password IS NOT NULL AS has_password, webhook_secret IS NOT NULL AS has_secret FROM notification_gateways WHERE id = $1`,
      [gateway.id],
    )) as { has_password: boolean; has_secret: boolean }[];
    return toGatewayDto(gateway, { hasSmtpPassword: secrets?.has_password ?? false, hasWebhookSecret: secrets?.has_secret ?? false });
  }
}
