import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { AlarmWebhookMapping } from '@netduty/contracts';
import { NmsSourceEntity } from './nms-source.entity';
import { UserEntity } from './user.entity';

/** The generic webhook's declarative mapping of one NMS source (validated by the application when saved). */
@Entity({ name: 'alarm_webhook_mappings' })
@Check('alarm_webhook_mappings_mapping_check', `jsonb_typeof(mapping) = 'object'`)
export class AlarmWebhookMappingEntity {
  @PrimaryColumn({ name: 'source_system_id', type: 'text' })
  @ForeignKey(() => NmsSourceEntity, { name: 'alarm_webhook_mappings_source_system_id_fkey' })
  sourceSystemId!: string;

  @Column({ type: 'jsonb' })
  mapping!: AlarmWebhookMapping;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'alarm_webhook_mappings_updated_by_fkey' })
  updatedBy!: string | null;
}
