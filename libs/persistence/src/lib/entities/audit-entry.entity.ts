import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AUDIT_OUTCOMES, type AuditOutcome, type Role } from '@netduty/contracts';
import { oneOf } from './one-of-check';

/** One line of the audit trail. The table refuses UPDATE, DELETE and TRUNCATE (see the migration). */
@Entity({ name: 'audit_log' })
@Check('audit_log_outcome_check', oneOf('outcome', AUDIT_OUTCOMES))
// Both are DESC on `at` in the migration; TypeORM compares an index's columns, not their order.
@Index('audit_log_at', ['at'])
@Index('audit_log_actor', ['actorUsername', 'at'])
@Index('audit_log_entity', ['entityType', 'entityId'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ name: 'actor_username', type: 'text', nullable: true })
  actorUsername!: string | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole!: Role | null;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;

  @Column({ type: 'text', nullable: true })
  method!: string | null;

  @Column({ type: 'text', nullable: true })
  path!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'entity_type', type: 'text', nullable: true })
  entityType!: string | null;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId!: string | null;

  @Column({ type: 'text' })
  outcome!: AuditOutcome;

  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after!: unknown;
}
