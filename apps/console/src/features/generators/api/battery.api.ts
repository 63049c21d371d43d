import type { BatteryCountdownDto, CreateGeneratorDispatchRequest, GeneratorDispatchDto, GeneratorDispatchStep } from '@netduty/contracts';
import { apiRequest } from '../../../lib/api-client';

export const batteryKeys = {
  all: ['battery'] as const,
  countdown: ['battery', 'countdown'] as const,
};

export function fetchCountdown(signal?: AbortSignal): Promise<BatteryCountdownDto> {
  return apiRequest<BatteryCountdownDto>('/battery/countdown', { signal });
}

export function createDispatch(request: CreateGeneratorDispatchRequest): Promise<GeneratorDispatchDto> {
  return apiRequest<GeneratorDispatchDto>('/battery/dispatches', { method: 'POST', body: request });
}

export function takeDispatchStep({ id, step }: { id: string; step: GeneratorDispatchStep }): Promise<GeneratorDispatchDto> {
  return apiRequest<GeneratorDispatchDto>(`/battery/dispatches/${encodeURIComponent(id)}/${step}`, { method: 'POST' });
}
