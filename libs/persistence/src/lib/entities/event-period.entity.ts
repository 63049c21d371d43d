import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EventSlaOverride, PriorityTier } from '@netduty/contracts';

/** An event period (the Provincial Party Congress): its P0 sites and the tighter policy it applies while on. */
@Entity({ name: 'event_periods' })
@Check('event_periods_check', 'ends_at > starts_at')
@Check('event_periods_sla_factor_check', 'sla_factor > 0 AND sla_factor <= 1')
@Index('event_periods_ends_at', ['endsAt'])
export class EventPeriodEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'p0_site_ids', type: 'uuid', array: true, default: '{}' })
  p0SiteIds!: string[];

  /** Multiplies the windows of tiers without an override; null: no factor. */
  @Column({ name: 'sla_factor', type: 'double precision', nullable: true })
  slaFactor!: number | null;

  @Column({ name: 'sla_overrides', type: 'jsonb', default: {} })
  slaOverrides!: Partial<Record<PriorityTier, EventSlaOverride>>;

  @Column({ name: 'p0_leadership_level', type: 'integer', nullable: true })
  p0LeadershipLevel!: number | null;

  @Column({ name: 'report_interval_minutes', type: 'integer', default: 120 })
  reportIntervalMinutes!: number;

  /** When the worker switched it on and off (each switch is audited). */
  @Column({ name: 'switched_on_at', type: 'timestamptz', nullable: true })
  switchedOnAt!: Date | null;

  @Column({ name: 'switched_off_at', type: 'timestamptz', nullable: true })
  switchedOffAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
