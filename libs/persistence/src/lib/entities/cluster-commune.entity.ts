import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { ClusterEntity } from './cluster.entity';
import { CommuneEntity } from './commune.entity';

/** The join table behind ClusterEntity.communes, described here so its keys and index are checked. */
@Entity({ name: 'cluster_communes' })
@Index('cluster_communes_commune', ['communeCode'])
export class ClusterCommuneEntity {
  @PrimaryColumn({ name: 'cluster_id', type: 'uuid' })
  @ForeignKey(() => ClusterEntity, { name: 'cluster_communes_cluster_id_fkey', onDelete: 'CASCADE' })
  clusterId!: string;

  @PrimaryColumn({ name: 'commune_code', type: 'text' })
  @ForeignKey(() => CommuneEntity, { name: 'cluster_communes_commune_code_fkey' })
  communeCode!: string;
}
