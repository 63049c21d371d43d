import type { CommuneDto } from '@netduty/contracts';
import { foldForSearch } from '@netduty/domain';

export interface CommuneOption {
  value: string;
  label: string;
  /** Folded name + former district + code, so "dong kinh" finds "Phường Đông Kinh". */
  search: string;
}

/** A commune as a searchable select option, labelled with the former district people still name. */
export function communeOption(commune: CommuneDto): CommuneOption {
  const label = commune.formerDistrict ? `${commune.name} (${commune.formerDistrict})` : commune.name;
  return { value: commune.code, label, search: foldForSearch(`${label} ${commune.code}`) };
}
