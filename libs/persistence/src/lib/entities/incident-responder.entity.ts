import { Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { IncidentEntity } from './incident.entity';
import { ResponderEntity } from './responder.entity';

/** The join table behind IncidentEntity.responders, described here so its keys are checked. */
@Entity({ name: 'incident_responders' })
export class IncidentResponderEntity {
  @PrimaryColumn({ name: 'incident_id', type: 'uuid' })
  @ForeignKey(() => IncidentEntity, { name: 'incident_responders_incident_id_fkey' })
  incidentId!: string;

  @PrimaryColumn({ name: 'responder_id', type: 'uuid' })
  @ForeignKey(() => ResponderEntity, { name: 'incident_responders_responder_id_fkey' })
  responderId!: string;
}
