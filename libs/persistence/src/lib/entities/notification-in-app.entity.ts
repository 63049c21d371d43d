import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationParams, NotificationTitleKey } from '@netduty/contracts';
import { IncidentEntity } from './incident.entity';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { UserEntity } from './user.entity';

/** An entry of a person's in-app notification centre; one per in-app delivery (unique), however often it is retried. */
@Entity({ name: 'notifications' })
@Index('notifications_unread', ['userId', 'createdAt'], { where: 'read_at IS NULL' })
@Index('notifications_user', ['userId', 'createdAt'])
export class NotificationInAppEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'notifications_user_id_fkey' })
  userId!: string;

  @Column({ name: 'incident_id', type: 'uuid', nullable: true })
  @ForeignKey(() => IncidentEntity, { name: 'notifications_incident_id_fkey' })
  incidentId!: string | null;

  @Column({ name: 'delivery_id', type: 'uuid', unique: true })
  @ForeignKey(() => NotificationDeliveryEntity, { name: 'notifications_delivery_id_fkey' })
  deliveryId!: string;

  @Column({ name: 'title_key', type: 'text' })
  titleKey!: NotificationTitleKey;

  @Column({ type: 'jsonb', default: {} })
  params!: NotificationParams;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
