import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SessionFamilyEntity } from './session-family.entity';

/** Only a SHA-256 of the token is stored; the token itself lives in the browser's httpOnly cookie. */
@Entity({ name: 'refresh_tokens' })
@Index('refresh_tokens_family', ['familyId'])
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'family_id', type: 'uuid' })
  @ForeignKey(() => SessionFamilyEntity, { name: 'refresh_tokens_family_id_fkey' })
  familyId!: string;

  @Column({ name: 'token_hash', type: 'text', unique: true })
  tokenHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** Set when this token was exchanged for the next one; a second use is a theft signal. */
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
