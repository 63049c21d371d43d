/** The notification queries' keys; see notifications.api.ts for the requests. */
export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: () => [...notificationKeys.all, 'unread-count'] as const,
  centre: () => [...notificationKeys.all, 'centre'] as const,
  incidentDeliveries: (incidentId: string) => [...notificationKeys.all, 'deliveries', incidentId] as const,
  gateways: () => [...notificationKeys.all, 'gateways'] as const,
  preferences: () => [...notificationKeys.all, 'preferences'] as const,
};
