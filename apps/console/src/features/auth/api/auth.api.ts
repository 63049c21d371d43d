import type { ChangePasswordRequest, UserDto } from '@netduty/contracts';
import { apiRequest } from '../../../lib/api-client';

export function changePassword(request: ChangePasswordRequest): Promise<UserDto> {
  return apiRequest<UserDto>('/auth/change-password', { method: 'POST', body: request });
}
