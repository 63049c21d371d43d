import { Check, Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DEADLINE_KINDS, type DeadlineKind, type EscalationRecipientDto } from '@netduty/contracts';
import { EscalationPolicyEntity } from './escalation-policy.entity';
import { IncidentEntity } from './incident.entity';
import { oneOf } from './one-of-check';

/** A fired step of a deadline's escalation chain, stored once per (incident, kind, cycle, step) by a unique constraint. */
@Entity({ name: 'escalations' })
@Check('escalations_kind_check', oneOf('kind', DEADLINE_KINDS))
@Check('escalations_level_check', 'level >= 1')
@Unique('escalations_once', ['incidentId', 'kind', 'cycle', 'level'])
export class EscalationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  @ForeignKey(() => IncidentEntity, { name: 'escalations_incident_id_fkey' })
  incidentId!: string;

  @Column({ type: 'text' })
  kind!: DeadlineKind;

  @Column({ type: 'integer' })
  cycle!: number;

  @Column({ type: 'integer' })
  level!: number;

  @Column({ name: 'deadline_at', type: 'timestamptz' })
  deadlineAt!: Date;

  @Column({ name: 'fired_at', type: 'timestamptz', default: () => 'now()' })
  firedAt!: Date;

  /** The chain's round (1 = first pass; a policy may repeat). `level` is the chain step, 1-based over rounds. */
  @Column({ type: 'integer', default: 1 })
  round!: number;

  /** The policy's level this step fired (1-based within a round). */
  @Column({ name: 'chain_level', type: 'integer' })
  chainLevel!: number;

  @Column({ name: 'policy_id', type: 'uuid', nullable: true })
  @ForeignKey(() => EscalationPolicyEntity, { name: 'escalations_policy_id_fkey', onDelete: 'SET NULL' })
  policyId!: string | null;

  /** Who the step reached, resolved when it fired (on-shift rules from the roster at that instant). */
  @Column({ type: 'jsonb', default: [] })
  recipients!: EscalationRecipientDto[];

  /** Escalated by a person ("escalate now"), with the reason. */
  @Column({ type: 'boolean', default: false })
  manual!: boolean;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}
