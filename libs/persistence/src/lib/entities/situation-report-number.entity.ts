import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The last report number of each year: taken in the transaction that inserts the report, so numbers have no gaps. */
@Entity({ name: 'situation_report_numbers' })
@Check('situation_report_numbers_last_number_check', 'last_number > 0')
export class SituationReportNumberEntity {
  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ name: 'last_number', type: 'integer' })
  lastNumber!: number;
}
