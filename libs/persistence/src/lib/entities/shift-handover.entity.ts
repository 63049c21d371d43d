import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OnDutyGroupEntity } from './on-duty-group.entity';
import { UserEntity } from './user.entity';

/** A handover (bàn giao ca): the outgoing lead's sheet for one shift, and the incoming lead's acknowledgement. */
@Entity({ name: 'shift_handovers' })
@Unique('shift_handovers_once', ['groupId', 'shiftStartsAt'])
export class ShiftHandoverEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'group_id', type: 'uuid' })
  @ForeignKey(() => OnDutyGroupEntity, { name: 'shift_handovers_group_id_fkey' })
  groupId!: string;

  @Column({ name: 'shift_starts_at', type: 'timestamptz' })
  shiftStartsAt!: Date;

  @Column({ name: 'shift_ends_at', type: 'timestamptz' })
  shiftEndsAt!: Date;

  @Column({ name: 'outgoing_lead_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'shift_handovers_outgoing_lead_id_fkey' })
  outgoingLeadId!: string;

  @Column({ name: 'incoming_lead_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'shift_handovers_incoming_lead_id_fkey' })
  incomingLeadId!: string | null;

  /** The sheet as it was at handover: open incidents, near deadlines, escalations (a snapshot, kept as printed). */
  @Column({ type: 'jsonb' })
  sheet!: Record<string, unknown>;

  @Column({ type: 'text', default: '' })
  notes!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'shift_handovers_acknowledged_by_fkey' })
  acknowledgedBy!: string | null;
}
