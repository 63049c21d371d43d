import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { InAppNotificationCountDto, InAppNotificationDto } from '@netduty/contracts';
import { NotificationInAppEntity } from '@netduty/persistence';
import { InvalidInputError } from '@netduty/platform-errors';
import { isUuid } from '../uuid';

export const INBOX_PAGE_MAX = 200;

function toDto(entry: NotificationInAppEntity): InAppNotificationDto {
  return {
    id: entry.id,
    incidentId: entry.incidentId,
    titleKey: entry.titleKey,
    params: entry.params,
    createdAt: entry.createdAt.toISOString(),
    readAt: entry.readAt?.toISOString() ?? null,
  };
}

/** The console's notification centre: a person's own entries only, newest first, with the unread count. */
@Injectable()
export class InAppNotificationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(userId: string, options: { unreadOnly?: boolean; limit?: number } = {}): Promise<InAppNotificationDto[]> {
    const take = Math.min(Math.max(1, options.limit ?? 50), INBOX_PAGE_MAX);
    const entries = await this.dataSource.getRepository(NotificationInAppEntity).find({
      where: options.unreadOnly ? { userId, readAt: IsNull() } : { userId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take,
    });
    return entries.map(toDto);
  }

  async unreadCount(userId: string): Promise<InAppNotificationCountDto> {
    return { unread: await this.dataSource.getRepository(NotificationInAppEntity).countBy({ userId, readAt: IsNull() }) };
  }

  /** Marks the given entries (or all, with null) read; another person's ids are simply not theirs to mark. */
  async markRead(userId: string, ids: readonly string[] | null): Promise<InAppNotificationCountDto> {
    const query = this.dataSource
      .createQueryBuilder()
      .update(NotificationInAppEntity)
      .set({ readAt: () => 'now()' })
      .where('user_id = :userId AND read_at IS NULL', { userId });
    if (ids !== null) {
      const problems = ids.flatMap((id, index) => (isUuid(id) ? [] : [{ field: `ids.${index}`, code: 'not_a_uuid' as const }]));
      if (problems.length > 0) throw new InvalidInputError(problems);
      if (ids.length === 0) return this.unreadCount(userId);
      query.andWhere('id IN (:...ids)', { ids });
    }
    await query.execute();
    return this.unreadCount(userId);
  }
}
