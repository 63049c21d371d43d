import type { BatteryCountdownDto, CreateGeneratorDispatchRequest, GeneratorDispatchDto, GeneratorDispatchStep } from '@netduty/contracts';
import { apiRequest } from '../../../lib/api-client';

// The keys live apart so the incident cache can refresh the countdown without loading the api client.
export { batteryKeys } from './battery-keys';

export function fetchCountdown(signal?: AbortSignal): Promise<BatteryCountdownDto> {
  return apiRequest<BatteryCountdownDto>('/battery/countdown', { signal });
}

export function createDispatch(request: CreateGeneratorDispatchRequest): Promise<GeneratorDispatchDto> {
  return apiRequest<GeneratorDispatchDto>('/battery/dispatches', { method: 'POST', body: request });
}

export function takeDispatchStep({ id, step }: { id: string; step: GeneratorDispatchStep }): Promise<GeneratorDispatchDto> {
  return apiRequest<GeneratorDispatchDto>(`/battery/dispatches/${encodeURIComponent(id)}/${step}`, { method: 'POST' });
}
