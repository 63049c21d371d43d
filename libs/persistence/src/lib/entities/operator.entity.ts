import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OperatorCode, OperatorKind } from '@netduty/contracts';

@Entity({ name: 'operators' })
export class OperatorEntity {
  @PrimaryColumn({ type: 'text' })
  code!: OperatorCode;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: OperatorKind;
}
