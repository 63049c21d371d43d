import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { IncidentEntity } from './incident.entity';
import { ResponderEntity } from './responder.entity';

/**
 * The join table behind IncidentEntity.responders, described here so its keys are checked; each row is
 * one assignment with the responder's journey (accepted, on the way, on site), each step after the last.
 */
@Entity({ name: 'incident_responders' })
// Assignments still waiting to be accepted (a partial index the migration owns).
@Index('incident_responders_unaccepted_idx', { synchronize: false })
@Check('incident_responders_journey_order_check', '(en_route_at IS NULL OR accepted_at IS NOT NULL) AND (on_site_at IS NULL OR en_route_at IS NOT NULL)')
export class IncidentResponderEntity {
  @PrimaryColumn({ name: 'incident_id', type: 'uuid' })
  @ForeignKey(() => IncidentEntity, { name: 'incident_responders_incident_id_fkey' })
  incidentId!: string;

  @PrimaryColumn({ name: 'responder_id', type: 'uuid' })
  @ForeignKey(() => ResponderEntity, { name: 'incident_responders_responder_id_fkey' })
  responderId!: string;

  @Column({ name: 'assigned_at', type: 'timestamptz', default: () => 'now()' })
  assignedAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'en_route_at', type: 'timestamptz', nullable: true })
  enRouteAt!: Date | null;

  @Column({ name: 'on_site_at', type: 'timestamptz', nullable: true })
  onSiteAt!: Date | null;

  /** When the policy's accept time lapsed unaccepted and the chain moved up: once per assignment. */
  @Column({ name: 'accept_escalated_at', type: 'timestamptz', nullable: true })
  acceptEscalatedAt!: Date | null;
}
