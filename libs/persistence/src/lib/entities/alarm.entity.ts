import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import {
  ALARM_ACK_STATES,
  ALARM_STATES,
  PERCEIVED_SEVERITIES,
  type AlarmAckState,
  type AlarmState,
  type OperatorCode,
  type PerceivedSeverity,
} from '@netduty/contracts';
import { IncidentEntity } from './incident.entity';
import { NmsSourceEntity } from './nms-source.entity';
import { oneOf } from './one-of-check';
import { OperatorEntity } from './operator.entity';
import { SiteEntity } from './site.entity';

/** A TMF642 alarm as it stands: one row per (sourceSystemId, externalAlarmId), however often it is sent. */
@Entity({ name: 'alarms' })
@Check('alarms_state_check', oneOf('state', ALARM_STATES))
@Check('alarms_perceived_severity_check', oneOf('perceived_severity', PERCEIVED_SEVERITIES))
@Check('alarms_ack_state_check', oneOf('ack_state', ALARM_ACK_STATES))
@Unique('alarms_source_external_key', ['sourceSystemId', 'externalAlarmId'])
@Index('alarms_site', ['siteId', 'alarmRaisedTime'])
@Index('alarms_incident', ['incidentId'], { where: 'incident_id IS NOT NULL' })
// Descending: TypeORM cannot describe it; the migration owns it.
@Index('alarms_raised_time', { synchronize: false })
export class AlarmEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'source_system_id', type: 'text' })
  @ForeignKey(() => NmsSourceEntity, { name: 'alarms_source_system_id_fkey' })
  sourceSystemId!: string;

  @Column({ name: 'external_alarm_id', type: 'text' })
  externalAlarmId!: string;

  @Column({ name: 'operator_code', type: 'text' })
  @ForeignKey(() => OperatorEntity, { name: 'alarms_operator_code_fkey' })
  operatorCode!: OperatorCode;

  @Column({ name: 'site_id', type: 'uuid' })
  @ForeignKey(() => SiteEntity, { name: 'alarms_site_id_fkey' })
  siteId!: string;

  @Column({ type: 'text' })
  state!: AlarmState;

  @Column({ name: 'alarm_type', type: 'text' })
  alarmType!: string;

  @Column({ name: 'perceived_severity', type: 'text' })
  perceivedSeverity!: PerceivedSeverity;

  @Column({ name: 'probable_cause', type: 'text' })
  probableCause!: string;

  @Column({ name: 'specific_problem', type: 'text', nullable: true })
  specificProblem!: string | null;

  @Column({ name: 'alarm_raised_time', type: 'timestamptz' })
  alarmRaisedTime!: Date;

  @Column({ name: 'alarm_changed_time', type: 'timestamptz' })
  alarmChangedTime!: Date;

  @Column({ name: 'alarm_cleared_time', type: 'timestamptz', nullable: true })
  alarmClearedTime!: Date | null;

  @Column({ name: 'ack_state', type: 'text', default: 'unacknowledged' })
  ackState!: AlarmAckState;

  @Column({ name: 'ack_user_id', type: 'text', nullable: true })
  ackUserId!: string | null;

  @Column({ name: 'ack_system_id', type: 'text', nullable: true })
  ackSystemId!: string | null;

  @Column({ name: 'planned_outage_indicator', type: 'boolean', default: false })
  plannedOutageIndicator!: boolean;

  /** A clear that arrived for an alarm never raised: stored and reported, not refused. */
  @Column({ name: 'cleared_without_raise', type: 'boolean', default: false })
  clearedWithoutRaise!: boolean;

  @Column({ name: 'incident_id', type: 'uuid', nullable: true })
  @ForeignKey(() => IncidentEntity, { name: 'alarms_incident_id_fkey' })
  incidentId!: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  comments!: { author: string; systemId?: string; date: string; text: string }[];

  /** The other TMF642 fields as the source sent them, echoed back. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  details!: Record<string, unknown>;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
