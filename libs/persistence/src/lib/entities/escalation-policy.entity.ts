import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PRIORITY_TIERS, type EscalationLevelSpec, type OperatorCode, type PriorityTier } from '@netduty/contracts';
import { oneOf } from './one-of-check';
import { OperatorEntity } from './operator.entity';

/** An escalation chain for an operator (or any) and a priority tier (or any): ordered levels, repeated. */
@Entity({ name: 'escalation_policies' })
@Check('escalation_policies_priority_check', oneOf('priority', PRIORITY_TIERS))
@Check('escalation_policies_repeat_check', 'repeat BETWEEN 0 AND 5')
@Check('escalation_policies_accept_seconds_check', 'accept_seconds BETWEEN 1 AND 86400')
// One policy per (operator or any, tier or any): an expression index TypeORM cannot describe; the migration owns it.
@Index('escalation_policies_scope_key', { synchronize: false })
export class EscalationPolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'operator_code', type: 'text', nullable: true })
  @ForeignKey(() => OperatorEntity, { name: 'escalation_policies_operator_code_fkey' })
  operatorCode!: OperatorCode | null;

  @Column({ type: 'text', nullable: true })
  priority!: PriorityTier | null;

  @Column({ type: 'jsonb' })
  levels!: EscalationLevelSpec[];

  @Column({ type: 'integer' })
  repeat!: number;

  /** How long an assigned responder has to accept before the chain moves up a level. */
  @Column({ name: 'accept_seconds', type: 'integer', default: 900 })
  acceptSeconds!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
