import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PRIORITY_TIERS, SITE_DOWN_KINDS, SITE_KINDS, SITE_STATES, type OperatorCode, type PriorityTier, type SiteDownKind, type SiteKind, type SiteState } from '@netduty/contracts';
import { oneOf } from './one-of-check';
import { CommuneEntity } from './commune.entity';
import { OperatorEntity } from './operator.entity';

@Entity({ name: 'sites' })
@Check('sites_kind_check', oneOf('kind', SITE_KINDS))
@Check('sites_priority_check', oneOf('priority', PRIORITY_TIERS))
@Check('sites_latitude_check', 'latitude BETWEEN -90 AND 90')
@Check('sites_longitude_check', 'longitude BETWEEN -180 AND 180')
@Check('sites_state_check', oneOf('state', SITE_STATES))
@Check('sites_down_kind_check', oneOf('down_kind', SITE_DOWN_KINDS))
@Check('sites_down_kind_when_down', "(state = 'down') = (down_kind IS NOT NULL)")
@Index('sites_operator_code', ['operatorCode'])
@Index('sites_commune_code', ['communeCode'])
@Check('sites_battery_capacity_ah_check', 'battery_capacity_ah >= 0')
@Check('sites_load_watts_check', 'load_watts > 0')
@Index('sites_power_feeder', ['powerFeeder'], { where: 'power_feeder IS NOT NULL' })
@Index('sites_transmission_route', ['transmissionRoute'], { where: 'transmission_route IS NOT NULL' })
@Index('sites_aggregation_node', ['aggregationNode'], { where: 'aggregation_node IS NOT NULL' })
// A GIN trigram index (gin_trgm_ops), which TypeORM cannot describe: the migration owns it.
@Index('sites_search_text_trgm', { synchronize: false })
export class SiteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: SiteKind;

  @Column({ name: 'operator_code', type: 'text' })
  operatorCode!: OperatorCode;

  @ManyToOne(() => OperatorEntity)
  @JoinColumn({ name: 'operator_code', foreignKeyConstraintName: 'sites_operator_code_fkey' })
  operator!: OperatorEntity;

  @Column({ name: 'commune_code', type: 'text' })
  communeCode!: string;

  @ManyToOne(() => CommuneEntity)
  @JoinColumn({ name: 'commune_code', foreignKeyConstraintName: 'sites_commune_code_fkey' })
  commune!: CommuneEntity;

  @Column({ type: 'double precision' })
  latitude!: number;

  @Column({ type: 'double precision' })
  longitude!: number;

  @Column({ type: 'text' })
  priority!: PriorityTier;

  /** Code, name and commune folded by foldForSearch, for diacritics-insensitive trigram search. */
  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Derived from the open incidents by the database, in their transaction: never written by the application. */
  @Column({ type: 'text', default: 'in_service', update: false, insert: false })
  state!: SiteState;

  @Column({ name: 'down_kind', type: 'text', nullable: true, update: false, insert: false })
  downKind!: SiteDownKind | null;

  @Column({ name: 'state_since', type: 'timestamptz', nullable: true, update: false, insert: false })
  stateSince!: Date | null;

  /** Upstream dependencies, for mass-outage correlation: the power feeder or substation that feeds it. */
  @Column({ name: 'power_feeder', type: 'text', nullable: true })
  powerFeeder!: string | null;

  /** The transmission (fibre) route it hangs on. */
  @Column({ name: 'transmission_route', type: 'text', nullable: true })
  transmissionRoute!: string | null;

  /** The code of the aggregation or hub node it reaches the core through. */
  @Column({ name: 'aggregation_node', type: 'text', nullable: true })
  aggregationNode!: string | null;

  /** Battery bank and load for the runtime estimate; null takes the default of the site's kind. */
  @Column({ name: 'battery_capacity_ah', type: 'real', nullable: true })
  batteryCapacityAh!: number | null;

  @Column({ name: 'load_watts', type: 'real', nullable: true })
  loadWatts!: number | null;
}
