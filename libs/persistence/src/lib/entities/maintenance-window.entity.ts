import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OperatorCode } from '@netduty/contracts';
import { CommuneEntity } from './commune.entity';
import { OperatorEntity } from './operator.entity';
import { SiteEntity } from './site.entity';
import { UserEntity } from './user.entity';

/** A planned outage (bảo trì có kế hoạch) of one site, or of an operator's sites in a commune: escalation is held back, visibly. */
@Entity({ name: 'maintenance_windows' })
@Check('maintenance_windows_order', 'ends_at > starts_at')
@Check('maintenance_windows_target', 'site_id IS NOT NULL OR commune_code IS NOT NULL OR operator_code IS NOT NULL')
@Index('maintenance_windows_ends_at', ['endsAt'])
export class MaintenanceWindowEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'site_id', type: 'uuid', nullable: true })
  @ForeignKey(() => SiteEntity, { name: 'maintenance_windows_site_id_fkey' })
  siteId!: string | null;

  @Column({ name: 'commune_code', type: 'text', nullable: true })
  @ForeignKey(() => CommuneEntity, { name: 'maintenance_windows_commune_code_fkey' })
  communeCode!: string | null;

  @Column({ name: 'operator_code', type: 'text', nullable: true })
  @ForeignKey(() => OperatorEntity, { name: 'maintenance_windows_operator_code_fkey' })
  operatorCode!: OperatorCode | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'maintenance_windows_created_by_fkey' })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
