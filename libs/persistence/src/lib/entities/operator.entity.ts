import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { OPERATOR_KINDS, type OperatorCode, type OperatorKind } from '@netduty/contracts';
import { oneOf } from './one-of-check';

@Entity({ name: 'operators' })
@Check('operators_kind_check', oneOf('kind', OPERATOR_KINDS))
export class OperatorEntity {
  @PrimaryColumn({ type: 'text' })
  code!: OperatorCode;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: OperatorKind;
}
