import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { IncidentEntity } from './incident.entity';
import { UserEntity } from './user.entity';

/** A redeemed acknowledge link: its token id is the key, so a link works once. Append-only. */
@Entity({ name: 'notification_ack_uses' })
export class NotificationAckUseEntity {
  @PrimaryColumn({ name: 'token_id', type: 'uuid' })
  tokenId!: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  @ForeignKey(() => IncidentEntity, { name: 'notification_ack_uses_incident_id_fkey' })
  incidentId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'notification_ack_uses_user_id_fkey' })
  userId!: string;

  @Column({ name: 'used_at', type: 'timestamptz', default: () => 'now()' })
  usedAt!: Date;
}
