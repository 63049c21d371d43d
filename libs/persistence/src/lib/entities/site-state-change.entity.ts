import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SITE_DOWN_KINDS, SITE_STATES, type SiteDownKind, type SiteState } from '@netduty/contracts';
import { oneOf } from './one-of-check';
import { SiteEntity } from './site.entity';

/**
 * One change of a site's state, written by the database's trigger in the transaction of the incident
 * that caused it (incidentId; null for the state a migration found or a removed incident left). Append-only: the state at any past
 * moment is each site's last change before it.
 */
@Entity({ name: 'site_state_changes' })
@Check('site_state_changes_state_check', oneOf('state', SITE_STATES))
@Check('site_state_changes_down_kind_check', oneOf('down_kind', SITE_DOWN_KINDS))
@Index('site_state_changes_site_at', ['siteId', 'changedAt'])
@Index('site_state_changes_at', ['changedAt'])
export class SiteStateChangeEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'site_id', type: 'uuid' })
  @ForeignKey(() => SiteEntity, { name: 'site_state_changes_site_id_fkey' })
  siteId!: string;

  @Column({ type: 'text' })
  state!: SiteState;

  @Column({ name: 'down_kind', type: 'text', nullable: true })
  downKind!: SiteDownKind | null;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' })
  changedAt!: Date;

  /** The incident whose write caused the change (evidence, not a foreign key: see the migration). */
  @Column({ name: 'incident_id', type: 'uuid', nullable: true })
  incidentId!: string | null;
}
