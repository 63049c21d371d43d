import type {
  InAppNotificationCountDto,
  InAppNotificationDto,
  NotificationDeliveryDto,
  NotificationGatewayDto,
  NotificationPreferenceDto,
  SaveNotificationGatewayRequest,
} from '@netduty/contracts';
import { apiRequest } from '../../../lib/api-client';

// The keys live apart so that the console's socket (first load) can name them without this module.
export { notificationKeys } from './notification-keys';

export const notificationsApi = {
  unreadCount: (signal?: AbortSignal) => apiRequest<InAppNotificationCountDto>('/notifications/unread-count', { signal }),
  list: (signal?: AbortSignal) => apiRequest<InAppNotificationDto[]>('/notifications', { query: { limit: 50 }, signal }),
  markRead: (id: string) => apiRequest<InAppNotificationCountDto>(`/notifications/${id}/read`, { method: 'POST' }),
  incidentDeliveries: (incidentId: string, signal?: AbortSignal) => apiRequest<NotificationDeliveryDto[]>(`/incidents/${incidentId}/deliveries`, { signal }),
  preferences: (signal?: AbortSignal) => apiRequest<NotificationPreferenceDto[]>('/me/notification-preferences', { signal }),
  savePreferences: (preferences: NotificationPreferenceDto[]) => apiRequest<NotificationPreferenceDto[]>('/me/notification-preferences', { method: 'PUT', body: { preferences } }),
  markAllRead: () => apiRequest<InAppNotificationCountDto>('/notifications/read-all', { method: 'POST' }),
  gateways: (signal?: AbortSignal) => apiRequest<NotificationGatewayDto[]>('/notification-gateways', { signal }),
  createGateway: (body: SaveNotificationGatewayRequest) => apiRequest<NotificationGatewayDto>('/notification-gateways', { method: 'POST', body }),
  updateGateway: (id: string, body: SaveNotificationGatewayRequest) =>
    apiRequest<NotificationGatewayDto>(`/notification-gateways/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  testGateway: (id: string, address: string) =>
    apiRequest<NotificationDeliveryDto>(`/notification-gateways/${encodeURIComponent(id)}/test`, { method: 'POST', body: { address } }),
};
