import type { InAppNotificationCountDto } from '@netduty/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAlertSnapshot } from '../../alerts/hooks/alerts-context';
import { notificationKeys, notificationsApi } from '../api/notifications.api';
import { notificationLanguage, notificationText } from '../lib/notification-text';

/** The bell's figure: refetched every 30 s, on focus, and whenever an alert addressed to this console arrives. */
export function useUnreadCount() {
  const queryClient = useQueryClient();
  const unseenAlerts = useAlertSnapshot().unseen.length;
  const previous = useRef(unseenAlerts);
  useEffect(() => {
    if (unseenAlerts > previous.current) void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    previous.current = unseenAlerts;
  }, [unseenAlerts, queryClient]);
  return useQuery({ queryKey: notificationKeys.unreadCount(), queryFn: ({ signal }) => notificationsApi.unreadCount(signal), refetchInterval: 30_000 });
}

export function useNotificationCentre(enabled: boolean) {
  return useQuery({ queryKey: notificationKeys.centre(), queryFn: ({ signal }) => notificationsApi.list(signal), enabled });
}

/** Marks one entry (or all, with null) read; the answer is the new unread count. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | null) => (id === null ? notificationsApi.markAllRead() : notificationsApi.markRead(id)),
    onSuccess: (count: InAppNotificationCountDto) => {
      queryClient.setQueryData(notificationKeys.unreadCount(), count);
      void queryClient.invalidateQueries({ queryKey: notificationKeys.centre() });
    },
  });
}

export function useNotificationText() {
  const { i18n } = useTranslation();
  const language = notificationLanguage(i18n.resolvedLanguage);
  return { language, text: notificationText(language) };
}
