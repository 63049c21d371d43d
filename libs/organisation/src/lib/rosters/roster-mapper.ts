import type { OnDutyGroupDto } from '@netduty/contracts';
import type { OnDutyGroupEntity } from '@netduty/persistence';

export function toOnDutyGroupDto(group: OnDutyGroupEntity): OnDutyGroupDto {
  return {
    id: group.id,
    name: group.name,
    kind: group.kind,
    clusterId: group.clusterId,
    timeZone: group.timeZone,
    rotations: group.rotations,
    oneOffShifts: group.oneOffShifts,
    overrides: group.overrides,
    swaps: group.swaps,
  };
}
