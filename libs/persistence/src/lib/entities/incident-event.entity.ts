import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TimelineEventType } from '@netduty/contracts';

/** One line of an incident's timeline. The table refuses UPDATE and DELETE (see the migration). */
@Entity({ name: 'incident_events' })
export class IncidentEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId!: string;

  @Column({ type: 'text' })
  type!: TimelineEventType;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  data!: Record<string, unknown>;
}
