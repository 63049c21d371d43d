import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ROAMING_REQUEST_STATUSES, type OperatorCode, type RoamingRequestStatus } from '@netduty/contracts';
import { CommuneEntity } from './commune.entity';
import { IncidentEntity } from './incident.entity';
import { oneOf } from './one-of-check';
import { OperatorEntity } from './operator.entity';
import { UserEntity } from './user.entity';

/**
 * A roaming request (chuyển vùng nội địa) the duty officer issued, or a proposal they dismissed. An
 * issued one carries an incident (origin 'roaming') whose restore deadline is the request's deadline.
 * At most one live (issued or in effect) request per commune and lost operator.
 */
@Entity({ name: 'roaming_requests' })
@Check('roaming_requests_status_check', oneOf('status', ROAMING_REQUEST_STATUSES))
@Check('roaming_requests_host_not_lost', 'host_operator IS NULL OR host_operator <> lost_operator')
@Check('roaming_requests_dismissed_complete', "(status = 'dismissed') = (dismissed_at IS NOT NULL)")
@Check(
  'roaming_requests_issued_complete',
  `status = 'dismissed'
          OR (host_operator IS NOT NULL AND issued_at IS NOT NULL AND issued_by IS NOT NULL AND deadline_at IS NOT NULL AND incident_id IS NOT NULL)`,
)
@Check('roaming_requests_ended_complete', "(status = 'ended') = (ended_at IS NOT NULL)")
@Index('roaming_requests_one_live', ['communeCode', 'lostOperator'], { unique: true, where: "status IN ('issued', 'in_effect')" })
@Index('roaming_requests_created_at', ['createdAt'])
@Index('roaming_requests_incident', ['incidentId'], { where: 'incident_id IS NOT NULL' })
export class RoamingRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'commune_code', type: 'text' })
  @ForeignKey(() => CommuneEntity, { name: 'roaming_requests_commune_code_fkey' })
  communeCode!: string;

  @Column({ name: 'lost_operator', type: 'text' })
  @ForeignKey(() => OperatorEntity, { name: 'roaming_requests_lost_operator_fkey' })
  lostOperator!: OperatorCode;

  @Column({ name: 'host_operator', type: 'text', nullable: true })
  @ForeignKey(() => OperatorEntity, { name: 'roaming_requests_host_operator_fkey' })
  hostOperator!: OperatorCode | null;

  @Column({ type: 'text' })
  status!: RoamingRequestStatus;

  /** When the lost operator's last BTS in the commune went down (the outage this row is about). */
  @Column({ name: 'lost_since', type: 'timestamptz' })
  lostSince!: Date;

  @Column({ name: 'sites_down', type: 'integer' })
  sitesDown!: number;

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt!: Date | null;

  @Column({ name: 'issued_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'roaming_requests_issued_by_fkey' })
  issuedBy!: string | null;

  @Column({ name: 'deadline_at', type: 'timestamptz', nullable: true })
  deadlineAt!: Date | null;

  @Column({ name: 'incident_id', type: 'uuid', nullable: true })
  @ForeignKey(() => IncidentEntity, { name: 'roaming_requests_incident_id_fkey' })
  incidentId!: string | null;

  @Column({ name: 'in_effect_at', type: 'timestamptz', nullable: true })
  inEffectAt!: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'ended_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'roaming_requests_ended_by_fkey' })
  endedBy!: string | null;

  @Column({ name: 'dismissed_at', type: 'timestamptz', nullable: true })
  dismissedAt!: Date | null;

  @Column({ name: 'dismissed_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'roaming_requests_dismissed_by_fkey' })
  dismissedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
