import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { PRIORITY_TIERS, SEVERITIES, type PriorityTier, type Severity } from '@netduty/contracts';
import { oneOf } from './one-of-check';

@Entity({ name: 'sla_policies' })
@Check('sla_policies_severity_check', oneOf('severity', SEVERITIES))
@Check('sla_policies_priority_check', oneOf('priority', PRIORITY_TIERS))
@Check('sla_policies_acknowledge_seconds_check', 'acknowledge_seconds > 0')
@Check('sla_policies_check', 'restore_seconds >= acknowledge_seconds')
export class SlaPolicyEntity {
  @PrimaryColumn({ type: 'text' })
  severity!: Severity;

  @PrimaryColumn({ type: 'text' })
  priority!: PriorityTier;

  @Column({ name: 'acknowledge_seconds', type: 'integer' })
  acknowledgeSeconds!: number;

  @Column({ name: 'restore_seconds', type: 'integer' })
  restoreSeconds!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
