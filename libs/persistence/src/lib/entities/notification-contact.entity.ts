import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { NOTIFICATION_GATEWAY_KINDS, type NotificationGatewayKind } from '@netduty/contracts';
import { oneOf } from './one-of-check';
import { UserEntity } from './user.entity';

/**
 * A person's address on one outside channel when it is not the account's own e-mail or phone (a
 * Telegram chat id, another Zalo number). Without a row, email uses users.email, sms and zalo users.phone.
 */
@Entity({ name: 'notification_contacts' })
@Check('notification_contacts_channel_check', oneOf('channel', NOTIFICATION_GATEWAY_KINDS))
export class NotificationContactEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'notification_contacts_user_id_fkey' })
  userId!: string;

  @PrimaryColumn({ type: 'text' })
  channel!: NotificationGatewayKind;

  @Column({ type: 'text' })
  address!: string;
}
