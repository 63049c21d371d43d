import { Check, Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import {
  ON_DUTY_GROUP_KINDS,
  type OneOffShiftDto,
  type OnDutyGroupKind,
  type RotationDto,
  type ShiftOverrideDto,
  type ShiftSwapDto,
} from '@netduty/contracts';
import { ClusterEntity } from './cluster.entity';
import { oneOf } from './one-of-check';

/**
 * An on-duty group (the department's tổ trực, a cluster's staff, leadership duty) and its whole roster,
 * in the wire shape: rotations are wall-clock templates in `timeZone`; every instant is a UTC ISO string.
 */
@Entity({ name: 'on_duty_groups' })
@Unique('on_duty_groups_name_key', ['name'])
@Check('on_duty_groups_kind_check', oneOf('kind', ON_DUTY_GROUP_KINDS))
@Check('on_duty_groups_cluster_check', `(kind = 'cluster') = (cluster_id IS NOT NULL)`)
export class OnDutyGroupEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: OnDutyGroupKind;

  @Column({ name: 'cluster_id', type: 'uuid', nullable: true })
  @ForeignKey(() => ClusterEntity, { name: 'on_duty_groups_cluster_id_fkey' })
  clusterId!: string | null;

  @Column({ name: 'time_zone', type: 'text', default: 'Asia/Ho_Chi_Minh' })
  timeZone!: string;

  @Column({ type: 'jsonb', default: [] })
  rotations!: RotationDto[];

  @Column({ name: 'one_off_shifts', type: 'jsonb', default: [] })
  oneOffShifts!: OneOffShiftDto[];

  @Column({ type: 'jsonb', default: [] })
  overrides!: ShiftOverrideDto[];

  @Column({ type: 'jsonb', default: [] })
  swaps!: ShiftSwapDto[];

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
