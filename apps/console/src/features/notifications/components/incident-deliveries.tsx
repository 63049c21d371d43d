import type { NotificationDeliveryStatus } from '@netduty/contracts';
import { useQuery } from '@tanstack/react-query';
import { Divider, List, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../lib/date-time';
import { notificationKeys, notificationsApi } from '../api/notifications.api';
import { useNotificationText } from '../hooks/use-notifications';

const STATUS_COLOUR: Readonly<Record<NotificationDeliveryStatus, string>> = {
  pending: 'default',
  sending: 'processing',
  sent: 'blue',
  delivered: 'green',
  failed: 'red',
};

/** The incident's delivery log: who was told, on which channel, and what became of it (the reason of a failure). */
export function IncidentDeliveries({ incidentId }: { incidentId: string }) {
  const { language, text } = useNotificationText();
  const deliveries = useQuery({
    queryKey: notificationKeys.incidentDeliveries(incidentId),
    queryFn: ({ signal }) => notificationsApi.incidentDeliveries(incidentId, signal),
    refetchInterval: 15_000,
  });
  return (
    <section data-testid="incident-deliveries" lang={language}>
      <Divider titlePlacement="start">{text.deliveries}</Divider>
      <List
        size="small"
        loading={deliveries.isLoading}
        dataSource={deliveries.data ?? []}
        locale={{ emptyText: text.deliveriesEmpty }}
        renderItem={(delivery) => (
          <List.Item data-testid="incident-delivery" data-status={delivery.status}>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'baseline', width: '100%' }}>
              <Tag color={STATUS_COLOUR[delivery.status]}>{text.status[delivery.status]}</Tag>
              <Typography.Text strong>{text.channel[delivery.channel]}</Typography.Text>
              {delivery.address && <Typography.Text type="secondary">{delivery.address}</Typography.Text>}
              <Typography.Text type="secondary">{formatDateTime(delivery.deliveredAt ?? delivery.sentAt ?? delivery.createdAt)}</Typography.Text>
              {delivery.attempts > 1 && <Typography.Text type="secondary">{text.attempts(delivery.attempts)}</Typography.Text>}
              {delivery.lastError && (
                <Typography.Text type="danger" style={{ flexBasis: '100%', overflowWrap: 'anywhere' }}>
                  {delivery.lastError}
                </Typography.Text>
              )}
            </div>
          </List.Item>
        )}
      />
    </section>
  );
}
