import { Check, Column, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { INCIDENT_CATEGORIES, SEVERITIES, type IncidentCategory, type Severity } from '@netduty/contracts';
import { oneOf } from './one-of-check';

/**
 * Maps an alarm to an incident (libs/domain matchAlarmRule): tried by ascending position, a null field
 * matches anything. Data an administrator edits; the defaults come from migration AlarmIntake1765800000000.
 */
@Entity({ name: 'alarm_rules' })
@Check('alarm_rules_category_check', oneOf('category', INCIDENT_CATEGORIES))
@Check('alarm_rules_severity_check', oneOf('severity', SEVERITIES))
@Unique('alarm_rules_position_key', ['position'])
export class AlarmRuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ name: 'probable_cause', type: 'text', nullable: true })
  probableCause!: string | null;

  @Column({ name: 'specific_problem_pattern', type: 'text', nullable: true })
  specificProblemPattern!: string | null;

  @Column({ name: 'alarm_type', type: 'text', nullable: true })
  alarmType!: string | null;

  @Column({ type: 'text' })
  category!: IncidentCategory;

  /** Null: from the alarm's perceived severity and the site's tier (incidentSeverityFor). */
  @Column({ type: 'text', nullable: true })
  severity!: Severity | null;

  @Column({ name: 'resolve_on_clear', type: 'boolean', default: true })
  resolveOnClear!: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
