import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { LANGUAGES, REPORT_KINDS, REPORT_TRIGGERS, type Language, type ReportKind, type ReportSnapshotDto, type ReportTrigger } from '@netduty/contracts';
import { IncidentEntity } from './incident.entity';
import { oneOf } from './one-of-check';
import { UserEntity } from './user.entity';

/**
 * A report to leadership (situation, flash, cyber initial / progress) with the snapshot of its inputs:
 * rendering reads the snapshot, never live tables. The database refuses changes to what was generated,
 * and any change once signed off (trigger situation_reports_guard, migration SituationReports1765600000000).
 */
@Entity({ name: 'situation_reports' })
@Check('situation_reports_kind_check', oneOf('kind', REPORT_KINDS))
@Check('situation_reports_language_check', oneOf('language', LANGUAGES))
@Check('situation_reports_trigger_check', oneOf('trigger', REPORT_TRIGGERS))
@Check('situation_reports_number_check', 'number > 0')
@Check('situation_reports_period_check', 'period_to >= period_from')
@Check('situation_reports_slot_check', `(trigger = 'scheduled') = (slot_key IS NOT NULL)`)
@Check('situation_reports_incident_check', `(kind = 'situation') = (incident_id IS NULL)`)
@Check('situation_reports_signed_off_check', '(signed_off_at IS NULL) = (signed_off_by IS NULL) AND (signed_off_at IS NULL) = (signer_name IS NULL)')
@Unique('situation_reports_number_key', ['year', 'number'])
@Unique('situation_reports_slot_key_key', ['slotKey'])
@Index('situation_reports_period_to', ['periodTo'])
@Index('situation_reports_generated_at', ['generatedAt'])
@Index('situation_reports_incident_id', ['incidentId'])
export class SituationReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: ReportKind;

  /** The calendar year (Asia/Ho_Chi_Minh) its number belongs to. */
  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'text' })
  language!: Language;

  @Column({ type: 'text' })
  trigger!: ReportTrigger;

  /** `scheduled:<slot instant>` for a scheduled report: one report per slot, however often its job runs. */
  @Column({ name: 'slot_key', type: 'text', nullable: true })
  slotKey!: string | null;

  @Column({ name: 'period_from', type: 'timestamptz' })
  periodFrom!: Date;

  @Column({ name: 'period_to', type: 'timestamptz' })
  periodTo!: Date;

  @Column({ name: 'incident_id', type: 'uuid', nullable: true })
  @ForeignKey(() => IncidentEntity, { name: 'situation_reports_incident_id_fkey' })
  incidentId!: string | null;

  @Column({ type: 'jsonb' })
  snapshot!: ReportSnapshotDto;

  @Column({ type: 'text', default: '' })
  remarks!: string;

  @Column({ name: 'generated_at', type: 'timestamptz', default: () => 'now()' })
  generatedAt!: Date;

  /** Null for a scheduled report (the system). */
  @Column({ name: 'generated_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'situation_reports_generated_by_fkey' })
  generatedBy!: string | null;

  @Column({ name: 'signed_off_at', type: 'timestamptz', nullable: true })
  signedOffAt!: Date | null;

  @Column({ name: 'signed_off_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'situation_reports_signed_off_by_fkey' })
  signedOffBy!: string | null;

  /** The signer's name as it was when they signed (a rendering never reads users). */
  @Column({ name: 'signer_name', type: 'text', nullable: true })
  signerName!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
