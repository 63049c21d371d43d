import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ClusterEntity } from './cluster.entity';

@Entity({ name: 'responders' })
@Index('responders_cluster', ['clusterId'])
export class ResponderEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'cluster_id', type: 'uuid' })
  clusterId!: string;

  @ManyToOne(() => ClusterEntity)
  @JoinColumn({ name: 'cluster_id', foreignKeyConstraintName: 'responders_cluster_id_fkey' })
  cluster!: ClusterEntity;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  phone!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
