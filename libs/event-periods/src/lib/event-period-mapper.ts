import type { EventPeriodDto } from '@netduty/contracts';
import { isEventActive, type EventPeriod } from '@netduty/domain';
import type { EventPeriodEntity } from '@netduty/persistence';

export function toEventPeriod(entity: EventPeriodEntity): EventPeriod {
  return {
    id: entity.id,
    name: entity.name,
    startsAt: entity.startsAt,
    endsAt: entity.endsAt,
    p0SiteIds: entity.p0SiteIds,
    slaFactor: entity.slaFactor,
    slaOverrides: entity.slaOverrides,
    p0LeadershipLevel: entity.p0LeadershipLevel,
    reportIntervalMinutes: entity.reportIntervalMinutes,
  };
}

export function toEventPeriodDto(entity: EventPeriodEntity, now: Date = new Date()): EventPeriodDto {
  return {
    id: entity.id,
    name: entity.name,
    startsAt: entity.startsAt.toISOString(),
    endsAt: entity.endsAt.toISOString(),
    p0SiteIds: entity.p0SiteIds,
    slaFactor: entity.slaFactor,
    slaOverrides: entity.slaOverrides,
    p0LeadershipLevel: entity.p0LeadershipLevel,
    reportIntervalMinutes: entity.reportIntervalMinutes,
    active: isEventActive(entity, now),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
