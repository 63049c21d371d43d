import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PriorityTier, Severity } from '@netduty/contracts';

@Entity({ name: 'sla_policies' })
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
