import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { OperatorCode, PriorityTier, SiteKind } from '@netduty/contracts';
import { CommuneEntity } from './commune.entity';
import { OperatorEntity } from './operator.entity';

@Entity({ name: 'sites' })
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
  @JoinColumn({ name: 'operator_code' })
  operator!: OperatorEntity;

  @Column({ name: 'commune_code', type: 'text' })
  communeCode!: string;

  @ManyToOne(() => CommuneEntity)
  @JoinColumn({ name: 'commune_code' })
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
}
