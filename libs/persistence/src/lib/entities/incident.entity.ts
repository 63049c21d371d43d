import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import {
  INCIDENT_ORIGINS,
  UPSTREAM_KINDS,
  INCIDENT_CATEGORIES,
  INCIDENT_STATUSES,
  PRIORITY_TIERS,
  SEVERITIES,
  type DeadlineKind,
  type IncidentCategory,
  type IncidentOrigin,
  type UpstreamKind,
  type IncidentStatus,
  type OperatorCode,
  type PriorityTier,
  type Severity,
} from '@netduty/contracts';
import { CommuneEntity } from './commune.entity';
import { oneOf } from './one-of-check';
import { OperatorEntity } from './operator.entity';
import { ResponderEntity } from './responder.entity';
import { SiteEntity } from './site.entity';
import { UserEntity } from './user.entity';

@Entity({ name: 'incidents' })
@Check('incidents_category_check', oneOf('category', INCIDENT_CATEGORIES))
@Check('incidents_severity_check', oneOf('severity', SEVERITIES))
@Check('incidents_priority_check', oneOf('priority', PRIORITY_TIERS))
@Check('incidents_status_check', oneOf('status', INCIDENT_STATUSES))
@Unique('incidents_idempotency_once', ['idempotencyOwner', 'idempotencyKey'])
@Check(
  'incidents_idempotency_complete',
  `(idempotency_key IS NULL AND idempotency_owner IS NULL AND idempotency_body_hash IS NULL)
   OR (idempotency_key IS NOT NULL AND idempotency_owner IS NOT NULL AND idempotency_body_hash IS NOT NULL)`,
)
@Check('incidents_origin_check', oneOf('origin', INCIDENT_ORIGINS))
@Check('incidents_correlation_kind_check', oneOf('correlation_kind', UPSTREAM_KINDS))
@Check('incidents_correlation_complete', '(correlation_kind IS NULL) = (correlation_key IS NULL)')
@Check('incidents_parent_not_nested', 'parent_incident_id IS NULL OR correlation_kind IS NULL')
@Index('incidents_parent', ['parentIncidentId'], { where: 'parent_incident_id IS NOT NULL' })
// At most one open parent per upstream: a restarted or second worker never doubles one.
@Index('incidents_one_open_parent', ['operatorCode', 'correlationKind', 'correlationKey'], {
  unique: true,
  where: `correlation_kind IS NOT NULL AND status NOT IN ('resolved', 'closed')`,
})
@Index('incidents_open_status', ['status', 'severity'], { where: `status <> 'closed'` })
@Index('incidents_operator_code', ['operatorCode'])
@Index('incidents_site', ['siteId'])
@Index('incidents_resolved_at', ['resolvedAt'], { where: 'resolved_at IS NOT NULL' })
// Expression and descending indexes TypeORM cannot describe (migration IncidentListOrder1763791200000).
@Index('incidents_board_order', { synchronize: false })
@Index('incidents_recent', { synchronize: false })
export class IncidentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** SC-000123 (SC-1000000 past a million), drawn from a sequence by the database default. */
  @Column({
    type: 'text',
    unique: true,
    insert: false,
    update: false,
    // The migration's default (IncidentReferenceBeyondAMillion1765700000000): every digit, at least six.
    default: () => 'netduty_next_incident_reference()',
  })
  reference!: string;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity)
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'incidents_site_id_fkey' })
  site!: SiteEntity;

  /** Copied from the site so every scope filter is a plain indexed column. */
  @Column({ name: 'operator_code', type: 'text' })
  @ForeignKey(() => OperatorEntity, { name: 'incidents_operator_code_fkey' })
  operatorCode!: OperatorCode;

  @Column({ name: 'commune_code', type: 'text' })
  @ForeignKey(() => CommuneEntity, { name: 'incidents_commune_code_fkey' })
  communeCode!: string;

  @Column({ type: 'text' })
  category!: IncidentCategory;

  @Column({ type: 'text' })
  severity!: Severity;

  /** The site's priority tier when reported; the SLA policy is chosen by it. */
  @Column({ type: 'text' })
  priority!: PriorityTier;

  @Column({ type: 'text' })
  status!: IncidentStatus;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'reporter_name', type: 'text' })
  reporterName!: string;

  /** The account that reported it (cluster staff act under their own name); null for older or system reports. */
  @Column({ name: 'reported_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'incidents_reported_by_fkey' })
  reportedBy!: string | null;

  /** The reporter's call-back phone as it was when they reported. */
  @Column({ name: 'reporter_phone', type: 'text', nullable: true })
  reporterPhone!: string | null;

  /** After a de-escalation: where the running chain of `kind` in `cycle` continues (step, re-timed from `at`). */
  @Column({ name: 'chain_resume', type: 'jsonb', nullable: true })
  chainResume!: { kind: DeadlineKind; cycle: number; step: number; at: string } | null;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt!: Date;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'ack_starts_at', type: 'timestamptz' })
  ackStartsAt!: Date;

  @Column({ name: 'ack_due_at', type: 'timestamptz' })
  ackDueAt!: Date;

  @Column({ name: 'restore_starts_at', type: 'timestamptz' })
  restoreStartsAt!: Date;

  @Column({ name: 'restore_due_at', type: 'timestamptz' })
  restoreDueAt!: Date;

  /** 1 from the report; +1 on every reopen, which restarts the restore clock. */
  @Column({ name: 'sla_cycle', type: 'integer', default: 1 })
  slaCycle!: number;

  /** Highest escalation level stored in the current cycle. */
  @Column({ name: 'escalation_level', type: 'integer', default: 0 })
  escalationLevel!: number;

  /** A retry key, unique per caller (idempotencyOwner, a user id); see report(). */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'idempotency_owner', type: 'uuid', nullable: true })
  idempotencyOwner!: string | null;

  /** SHA-256 of the request the key first came with; the same key with another body is refused. */
  @Column({ name: 'idempotency_body_hash', type: 'text', nullable: true })
  idempotencyBodyHash!: string | null;

  @ManyToMany(() => ResponderEntity)
  @JoinTable({
    name: 'incident_responders',
    // Described by IncidentResponderEntity (its keys), so the relation does not invent its own.
    synchronize: false,
    joinColumn: { name: 'incident_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'responder_id', referencedColumnName: 'id' },
  })
  responders!: ResponderEntity[];

  @Column({ type: 'text', default: 'manual' })
  origin!: IncidentOrigin;

  /** Mass-outage correlation: the parent this incident is filed under (its escalation is held back). */
  @Column({ name: 'parent_incident_id', type: 'uuid', nullable: true })
  @ForeignKey(() => IncidentEntity, { name: 'incidents_parent_incident_id_fkey' })
  parentIncidentId!: string | null;

  /** On a parent: the shared upstream it correlates (kind and key). */
  @Column({ name: 'correlation_kind', type: 'text', nullable: true })
  correlationKind!: UpstreamKind | null;

  @Column({ name: 'correlation_key', type: 'text', nullable: true })
  correlationKey!: string | null;

  /** Raised and cleared too often: notifications are held back while it flaps. */
  @Column({ type: 'boolean', default: false })
  flapping!: boolean;

  @VersionColumn({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
