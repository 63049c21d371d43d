import { Check, Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';
import type { OperatorCode } from '@netduty/contracts';
import { OperatorEntity } from './operator.entity';

/** An operator's network management system: its TMF642 `sourceSystemId`, and the operator it speaks for. */
@Entity({ name: 'nms_sources' })
@Check('nms_sources_id_check', `id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{1,62}$'`)
@Check('nms_sources_snmp_community_hash_check', `snmp_community_hash ~ '^[0-9a-f]{64}$'`)
@Unique('nms_sources_snmp_community_hash_key', ['snmpCommunityHash'])
export class NmsSourceEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'operator_code', type: 'text' })
  @ForeignKey(() => OperatorEntity, { name: 'nms_sources_operator_code_fkey' })
  operatorCode!: OperatorCode;

  @Column({ type: 'text' })
  name!: string;

  /** SHA-256 (hex) of its SNMPv2c trap community; null: it sends no v2c traps. */
  @Column({ name: 'snmp_community_hash', type: 'text', nullable: true })
  snmpCommunityHash!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
