import type {
  ClusterDto,
  CreateClusterRequest,
  CreateResponderRequest,
  CreateUserRequest,
  OperatorCode,
  OperatorDto,
  ResetPasswordRequest,
  ResponderDto,
  UpdateClusterRequest,
  UpdateResponderRequest,
  UpdateUserRequest,
  UserDto,
} from '@netduty/contracts';
import { apiRequest } from '../../../lib/api-client';

export const adminKeys = {
  users: ['admin', 'users'] as const,
  clusters: ['reference', 'clusters'] as const,
  responders: ['reference', 'responders'] as const,
};

export function fetchUsers(signal?: AbortSignal): Promise<UserDto[]> {
  return apiRequest<UserDto[]>('/users', { signal });
}

export function createUser(request: CreateUserRequest): Promise<UserDto> {
  return apiRequest<UserDto>('/users', { method: 'POST', body: request });
}

export function updateUser(id: string, request: UpdateUserRequest): Promise<UserDto> {
  return apiRequest<UserDto>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: request });
}

export function resetUserPassword(id: string, request: ResetPasswordRequest): Promise<UserDto> {
  return apiRequest<UserDto>(`/users/${encodeURIComponent(id)}/reset-password`, { method: 'POST', body: request });
}

export function logoutUserEverywhere(id: string): Promise<void> {
  return apiRequest<void>(`/users/${encodeURIComponent(id)}/logout-everywhere`, { method: 'POST' });
}

export function renameOperator(code: OperatorCode, name: string): Promise<OperatorDto> {
  return apiRequest<OperatorDto>(`/operators/${encodeURIComponent(code)}`, { method: 'PATCH', body: { name } });
}

export function fetchClusters(signal?: AbortSignal): Promise<ClusterDto[]> {
  return apiRequest<ClusterDto[]>('/clusters', { signal });
}

export function createCluster(request: CreateClusterRequest): Promise<ClusterDto> {
  return apiRequest<ClusterDto>('/clusters', { method: 'POST', body: request });
}

export function updateCluster(id: string, request: UpdateClusterRequest): Promise<ClusterDto> {
  return apiRequest<ClusterDto>(`/clusters/${encodeURIComponent(id)}`, { method: 'PATCH', body: request });
}

export function fetchResponders(clusterId?: string, signal?: AbortSignal): Promise<ResponderDto[]> {
  return apiRequest<ResponderDto[]>('/responders', { query: { clusterId }, signal });
}

export function createResponder(request: CreateResponderRequest): Promise<ResponderDto> {
  return apiRequest<ResponderDto>('/responders', { method: 'POST', body: request });
}

export function updateResponder(id: string, request: UpdateResponderRequest): Promise<ResponderDto> {
  return apiRequest<ResponderDto>(`/responders/${encodeURIComponent(id)}`, { method: 'PATCH', body: request });
}
