import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { NmsSourceEntity } from './nms-source.entity';
import { UserEntity } from './user.entity';

/** One API key of an NMS, kept only as its SHA-256; `keyHint` (its first characters) tells keys apart. */
@Entity({ name: 'nms_api_keys' })
@Index('nms_api_keys_source', ['sourceSystemId'])
@Unique('nms_api_keys_key_hash_key', ['keyHash'])
export class NmsApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'source_system_id', type: 'text' })
  @ForeignKey(() => NmsSourceEntity, { name: 'nms_api_keys_source_system_id_fkey' })
  sourceSystemId!: string;

  @Column({ name: 'key_hash', type: 'text' })
  keyHash!: string;

  @Column({ name: 'key_hint', type: 'text' })
  keyHint!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'nms_api_keys_created_by_fkey' })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
