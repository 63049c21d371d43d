import { Check, Column, CreateDateColumn, Entity, ForeignKey, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { LANGUAGES, ROLES, type Language, type OperatorCode, type Role } from '@netduty/contracts';
import { ClusterEntity } from './cluster.entity';
import { oneOf } from './one-of-check';
import { OperatorEntity } from './operator.entity';
import { ResponderEntity } from './responder.entity';

@Entity({ name: 'users' })
@Check('users_username_check', `username = lower(username) AND username ~ '^[a-z0-9._-]{3,64}$'`)
@Check('users_language_check', oneOf('language', LANGUAGES))
@Check('users_role_check', oneOf('role', ROLES))
@Check('users_cluster_staff_has_operator', `role <> 'cluster_staff' OR operator_code IS NOT NULL`)
@Check('users_responder_has_record', `role <> 'responder' OR responder_id IS NOT NULL`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-case; logins compare lower-cased. */
  @Column({ type: 'text', unique: true })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', default: 'vi' })
  language!: Language;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ name: 'operator_code', type: 'text', nullable: true })
  @ForeignKey(() => OperatorEntity, { name: 'users_operator_code_fkey' })
  operatorCode!: OperatorCode | null;

  @Column({ name: 'cluster_id', type: 'uuid', nullable: true })
  @ForeignKey(() => ClusterEntity, { name: 'users_cluster_id_fkey' })
  clusterId!: string | null;

  @Column({ name: 'responder_id', type: 'uuid', nullable: true })
  @ForeignKey(() => ResponderEntity, { name: 'users_responder_id_fkey' })
  responderId!: string | null;

  /** argon2id. */
  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash!: string;

  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Bumped on disable, role or scope change and "log out everywhere": older tokens stop working. */
  @Column({ name: 'token_version', type: 'integer', default: 1 })
  tokenVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;
}
