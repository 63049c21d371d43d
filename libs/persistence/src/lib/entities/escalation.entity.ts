import { Check, Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DEADLINE_KINDS, type DeadlineKind } from '@netduty/contracts';
import { IncidentEntity } from './incident.entity';
import { oneOf } from './one-of-check';

/** A lapsed deadline, stored once per (incident, kind, cycle, level) by a unique constraint. */
@Entity({ name: 'escalations' })
@Check('escalations_kind_check', oneOf('kind', DEADLINE_KINDS))
@Check('escalations_level_check', 'level >= 1')
@Unique('escalations_once', ['incidentId', 'kind', 'cycle', 'level'])
export class EscalationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  @ForeignKey(() => IncidentEntity, { name: 'escalations_incident_id_fkey' })
  incidentId!: string;

  @Column({ type: 'text' })
  kind!: DeadlineKind;

  @Column({ type: 'integer' })
  cycle!: number;

  @Column({ type: 'integer' })
  level!: number;

  @Column({ name: 'deadline_at', type: 'timestamptz' })
  deadlineAt!: Date;

  @Column({ name: 'fired_at', type: 'timestamptz', default: () => 'now()' })
  firedAt!: Date;
}
