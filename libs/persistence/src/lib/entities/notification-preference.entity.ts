import { Check, Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { SEVERITIES, type NotificationChannelName, type Severity } from '@netduty/contracts';
import { oneOf } from './one-of-check';
import { UserEntity } from './user.entity';

/** The channels a person wants for incidents of one severity; critical and P0 use every channel anyway. */
@Entity({ name: 'notification_preferences' })
@Check('notification_preferences_severity_check', oneOf('severity', SEVERITIES))
@Check('notification_preferences_channels_check', `channels <@ ARRAY['in_app', 'email', 'sms', 'zalo', 'telegram']::text[]`)
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'notification_preferences_user_id_fkey' })
  userId!: string;

  @PrimaryColumn({ type: 'text' })
  severity!: Severity;

  @Column({ type: 'text', array: true })
  channels!: NotificationChannelName[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
