import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'provinces' })
export class ProvinceEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;
}
