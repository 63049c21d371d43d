import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { IncidentEntity } from './incident.entity';
import { SiteEntity } from './site.entity';

/**
 * The first runtime estimate made for one loss of mains at a site (keyed by the site and the moment the
 * loss was first seen), kept so it can be judged against the site's state history once the site goes off air.
 */
@Entity({ name: 'battery_estimates' })
@Unique('battery_estimates_site_mains_lost_key', ['siteId', 'mainsLostAt'])
@Index('battery_estimates_mains_lost_at', ['mainsLostAt'])
export class BatteryEstimateEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'site_id', type: 'uuid' })
  @ForeignKey(() => SiteEntity, { name: 'battery_estimates_site_id_fkey' })
  siteId!: string;

  /** The open power incident the estimate was about. */
  @Column({ name: 'incident_id', type: 'uuid' })
  @ForeignKey(() => IncidentEntity, { name: 'battery_estimates_incident_id_fkey' })
  incidentId!: string;

  @Column({ name: 'mains_lost_at', type: 'timestamptz' })
  mainsLostAt!: Date;

  @Column({ name: 'estimated_off_air_at', type: 'timestamptz' })
  estimatedOffAirAt!: Date;

  @Column({ name: 'computed_at', type: 'timestamptz', default: () => 'now()' })
  computedAt!: Date;
}
