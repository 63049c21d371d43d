import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { NotificationDeliveryDto } from '@netduty/contracts';
import { NotificationDeliveryEntity } from '@netduty/persistence';

const LOG_LIMIT = 500;

export function toDeliveryDto(row: NotificationDeliveryEntity): NotificationDeliveryDto {
  return {
    id: row.id,
    incidentId: row.incidentId,
    recipientUserId: row.recipientUserId,
    channel: row.channel,
    gatewayId: row.gatewayId,
    address: row.address,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}

/** The delivery log: what was sent to whom on which channel, and what became of it. Newest first. */
@Injectable()
export class DeliveryLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forIncident(incidentId: string): Promise<NotificationDeliveryDto[]> {
    const rows = await this.dataSource.getRepository(NotificationDeliveryEntity).find({ where: { incidentId }, order: { createdAt: 'DESC' }, take: LOG_LIMIT });
    return rows.map(toDeliveryDto);
  }

  /** Whether the person exists (the admin's per-person log answers 404 otherwise). */
  async recipientExists(userId: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM users WHERE id = $1`, [userId])).length > 0;
  }

  async forRecipient(userId: string): Promise<NotificationDeliveryDto[]> {
    const rows = await this.dataSource.getRepository(NotificationDeliveryEntity).find({ where: { recipientUserId: userId }, order: { createdAt: 'DESC' }, take: LOG_LIMIT });
    return rows.map(toDeliveryDto);
  }
}
