import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMELINE_EVENT_TYPES, type TimelineEventType } from '@netduty/contracts';
import { IncidentEntity } from './incident.entity';
import { oneOf } from './one-of-check';

/** One line of an incident's timeline. The table refuses UPDATE and DELETE (see the migration). */
@Entity({ name: 'incident_events' })
@Check('incident_events_type_check', oneOf('type', TIMELINE_EVENT_TYPES))
@Index('incident_events_incident', ['incidentId', 'id'])
export class IncidentEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  @ForeignKey(() => IncidentEntity, { name: 'incident_events_incident_id_fkey' })
  incidentId!: string;

  @Column({ type: 'text' })
  type!: TimelineEventType;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'jsonb', default: {} })
  data!: Record<string, unknown>;
}
