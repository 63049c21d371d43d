import type { InAppNotificationCountDto, InAppNotificationDto } from '@netduty/contracts';
import { apiRequest } from '../../../lib/api-client';

export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: () => [...notificationKeys.all, 'unread-count'] as const,
  centre: () => [...notificationKeys.all, 'centre'] as const,
};

export const notificationsApi = {
  unreadCount: (signal?: AbortSignal) => apiRequest<InAppNotificationCountDto>('/notifications/unread-count', { signal }),
  list: (signal?: AbortSignal) => apiRequest<InAppNotificationDto[]>('/notifications', { query: { limit: 50 }, signal }),
  markRead: (id: string) => apiRequest<InAppNotificationCountDto>(`/notifications/${id}/read`, { method: 'POST' }),
  markAllRead: () => apiRequest<InAppNotificationCountDto>('/notifications/read-all', { method: 'POST' }),
};
