import type { GeneratorDispatchDto } from '@netduty/contracts';
import { nextDispatchSteps } from '@netduty/domain';
import type { GeneratorDispatchEntity } from '@netduty/persistence';

export type GeneratorDispatchRecord = Pick<
  GeneratorDispatchEntity,
  'id' | 'siteId' | 'incidentId' | 'team' | 'note' | 'status' | 'assignedAt' | 'departedAt' | 'arrivedAt' | 'runningAt' | 'stoppedAt' | 'createdBy'
>;

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

export function toGeneratorDispatchDto(dispatch: GeneratorDispatchRecord, createdByName: string): GeneratorDispatchDto {
  return {
    id: dispatch.id,
    siteId: dispatch.siteId,
    incidentId: dispatch.incidentId,
    team: dispatch.team,
    note: dispatch.note,
    status: dispatch.status,
    assignedAt: dispatch.assignedAt.toISOString(),
    departedAt: iso(dispatch.departedAt),
    arrivedAt: iso(dispatch.arrivedAt),
    runningAt: iso(dispatch.runningAt),
    stoppedAt: iso(dispatch.stoppedAt),
    createdBy: dispatch.createdBy,
    createdByName,
    nextSteps: nextDispatchSteps(dispatch.status),
  };
}
