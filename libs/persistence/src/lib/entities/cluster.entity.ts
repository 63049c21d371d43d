import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { OperatorCode } from '@netduty/contracts';
import { CommuneEntity } from './commune.entity';

/** A technical cluster (cụm kỹ thuật): one operator's field team covering a set of communes. */
@Entity({ name: 'clusters' })
export class ClusterEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'operator_code', type: 'text' })
  operatorCode!: OperatorCode;

  @Column({ type: 'text' })
  name!: string;

  @ManyToMany(() => CommuneEntity)
  @JoinTable({
    name: 'cluster_communes',
    joinColumn: { name: 'cluster_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'commune_code', referencedColumnName: 'code' },
  })
  communes!: CommuneEntity[];
}
