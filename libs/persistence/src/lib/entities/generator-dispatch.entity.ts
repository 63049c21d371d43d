import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { GENERATOR_DISPATCH_STATUSES, type GeneratorDispatchStatus } from '@netduty/contracts';
import { IncidentEntity } from './incident.entity';
import { oneOf } from './one-of-check';
import { SiteEntity } from './site.entity';
import { UserEntity } from './user.entity';

/** A generator team sent to a site (điều phối máy phát), and each step it reached. At most one per site is not yet stopped. */
@Entity({ name: 'generator_dispatches' })
@Check('generator_dispatches_status_check', oneOf('status', GENERATOR_DISPATCH_STATUSES))
@Check('generator_dispatches_stopped_when_stopped', "(status = 'stopped') = (stopped_at IS NOT NULL)")
@Index('generator_dispatches_one_unfinished', ['siteId'], { unique: true, where: "status <> 'stopped'" })
export class GeneratorDispatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'site_id', type: 'uuid' })
  @ForeignKey(() => SiteEntity, { name: 'generator_dispatches_site_id_fkey' })
  siteId!: string;

  @Column({ name: 'incident_id', type: 'uuid', nullable: true })
  @ForeignKey(() => IncidentEntity, { name: 'generator_dispatches_incident_id_fkey' })
  incidentId!: string | null;

  /** The team's name and a phone to call, as the duty officer wrote them. */
  @Column({ type: 'text' })
  team!: string;

  @Column({ type: 'text', default: 'assigned' })
  status!: GeneratorDispatchStatus;

  @Column({ name: 'assigned_at', type: 'timestamptz', default: () => 'now()' })
  assignedAt!: Date;

  @Column({ name: 'departed_at', type: 'timestamptz', nullable: true })
  departedAt!: Date | null;

  @Column({ name: 'arrived_at', type: 'timestamptz', nullable: true })
  arrivedAt!: Date | null;

  @Column({ name: 'running_at', type: 'timestamptz', nullable: true })
  runningAt!: Date | null;

  @Column({ name: 'stopped_at', type: 'timestamptz', nullable: true })
  stoppedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'generator_dispatches_created_by_fkey' })
  createdBy!: string;
}
