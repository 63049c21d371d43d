import { Column, Entity, ForeignKey, JoinTable, ManyToMany, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { OperatorCode } from '@netduty/contracts';
import { CommuneEntity } from './commune.entity';
import { OperatorEntity } from './operator.entity';

/** A technical cluster (cụm kỹ thuật): one operator's field team covering a set of communes. */
@Entity({ name: 'clusters' })
@Unique('clusters_operator_code_name_key', ['operatorCode', 'name'])
export class ClusterEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'operator_code', type: 'text' })
  @ForeignKey(() => OperatorEntity, { name: 'clusters_operator_code_fkey' })
  operatorCode!: OperatorCode;

  @Column({ type: 'text' })
  name!: string;

  @ManyToMany(() => CommuneEntity)
  @JoinTable({
    name: 'cluster_communes',
    // Described by ClusterCommuneEntity (its keys and index), so the relation does not invent its own.
    synchronize: false,
    joinColumn: { name: 'cluster_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'commune_code', referencedColumnName: 'code' },
  })
  communes!: CommuneEntity[];
}
