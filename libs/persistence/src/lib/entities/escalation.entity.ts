import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DeadlineKind } from '@netduty/contracts';

/** A lapsed deadline, stored once per (incident, kind, cycle, level) by a unique constraint. */
@Entity({ name: 'escalations' })
export class EscalationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'incident_id', type: 'uuid' })
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
