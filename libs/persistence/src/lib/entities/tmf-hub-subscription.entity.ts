import { Check, Column, CreateDateColumn, Entity, ForeignKey, PrimaryGeneratedColumn } from 'typeorm';
import { TMF_HUB_APIS, type TmfHubApi } from '@netduty/contracts';
import { NmsSourceEntity } from './nms-source.entity';
import { oneOf } from './one-of-check';

/** A TMF Hub registration: an NMS asks to be told of changes at `callback`. */
@Entity({ name: 'tmf_hub_subscriptions' })
@Check('tmf_hub_subscriptions_api_check', oneOf('api', TMF_HUB_APIS))
export class TmfHubSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'source_system_id', type: 'text' })
  @ForeignKey(() => NmsSourceEntity, { name: 'tmf_hub_subscriptions_source_system_id_fkey' })
  sourceSystemId!: string;

  @Column({ type: 'text' })
  api!: TmfHubApi;

  @Column({ type: 'text' })
  callback!: string;

  @Column({ type: 'text', nullable: true })
  query!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
