import type { EventPeriodDefinition, EventPeriodDto } from '@netduty/contracts';
import { apiRequest } from '../../../lib/api-client';
import { CURRENT_EVENT_PERIODS_KEY } from '../hooks/use-current-event-periods';

export const eventPeriodKeys = {
  all: ['event-periods'] as const,
  list: () => [...eventPeriodKeys.all, 'list'] as const,
  current: () => CURRENT_EVENT_PERIODS_KEY,
};

export function fetchEventPeriods(signal?: AbortSignal): Promise<EventPeriodDto[]> {
  return apiRequest<EventPeriodDto[]>('/event-periods', { signal });
}

export function createEventPeriod(definition: EventPeriodDefinition): Promise<EventPeriodDto> {
  return apiRequest<EventPeriodDto>('/event-periods', { method: 'POST', body: definition });
}

export function replaceEventPeriod(id: string, definition: EventPeriodDefinition): Promise<EventPeriodDto> {
  return apiRequest<EventPeriodDto>(`/event-periods/${encodeURIComponent(id)}`, { method: 'PUT', body: definition });
}
