import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ALARM_STATES, type AlarmState, type PerceivedSeverity } from '@netduty/contracts';
import { AlarmEntity } from './alarm.entity';
import { oneOf } from './one-of-check';

/**
 * One accepted raise, update or clear, appended in the intake's transaction. The worker applies the
 * pending ones (processedAt null) in id order and marks them in the same transaction.
 */
@Entity({ name: 'alarm_events' })
@Check('alarm_events_state_check', oneOf('state', ALARM_STATES))
@Index('alarm_events_pending', ['id'], { where: 'processed_at IS NULL' })
@Index('alarm_events_alarm', ['alarmId'])
export class AlarmEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'alarm_id', type: 'uuid' })
  @ForeignKey(() => AlarmEntity, { name: 'alarm_events_alarm_id_fkey' })
  alarmId!: string;

  @Column({ type: 'text' })
  state!: AlarmState;

  @Column({ name: 'perceived_severity', type: 'text' })
  perceivedSeverity!: PerceivedSeverity;

  /** The source's own time of the change (alarmChangedTime, else alarmRaisedTime / alarmClearedTime). */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}
