import { Check, Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { OperatorCode } from '@netduty/contracts';
import { OperatorEntity } from './operator.entity';

/** An operator's network management system: its TMF642 `sourceSystemId`, and the operator it speaks for. */
@Entity({ name: 'nms_sources' })
@Check('nms_sources_id_check', `id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{1,62}$'`)
export class NmsSourceEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'operator_code', type: 'text' })
  @ForeignKey(() => OperatorEntity, { name: 'nms_sources_operator_code_fkey' })
  operatorCode!: OperatorCode;

  @Column({ type: 'text' })
  name!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
