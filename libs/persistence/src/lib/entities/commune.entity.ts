import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { ProvinceEntity } from './province.entity';

/** A commune, ward or special zone of the 2025 two-tier structure. */
@Entity({ name: 'communes' })
export class CommuneEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ name: 'province_code', type: 'text' })
  @ForeignKey(() => ProvinceEntity, { name: 'communes_province_code_fkey' })
  provinceCode!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'division_type', type: 'text' })
  divisionType!: string;

  /** The pre-2025 district people still name; a label only, no longer an administrative level. */
  @Column({ name: 'former_district', type: 'text', nullable: true })
  formerDistrict!: string | null;

  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;
}
