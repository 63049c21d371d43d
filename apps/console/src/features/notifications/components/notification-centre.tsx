import { Alert, Button, Drawer, List, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../../lib/date-time';
import { useLayoutSize } from '../../../lib/use-layout-size';
import { useDrillMode } from '../../drill/hooks/use-drill-mode';
import { useMarkRead, useNotificationCentre, useNotificationText } from '../hooks/use-notifications';
import { notificationTitle } from '../lib/notification-text';
import { NotificationPreferences } from './notification-preferences';

/** The notification centre: newest first, unread marked; opening an entry marks it read and opens its incident. */
export function NotificationCentre({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { language, text } = useNotificationText();
  const navigate = useNavigate();
  const { phone } = useLayoutSize();
  const centre = useNotificationCentre(open);
  const markRead = useMarkRead();
  const drill = useDrillMode();
  const entries = centre.data ?? [];
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={text.title}
      placement="right"
      // Above the incident drawer: the centre can be opened while an incident is shown.
      zIndex={1100}
      width={phone ? '100%' : 420}
      closeIcon={<span aria-label={text.close}>×</span>}
      extra={
        <Button size="small" onClick={() => markRead.mutate(null)} disabled={!entries.some((entry) => entry.readAt === null)} data-testid="notifications-read-all">
          {text.markAllRead}
        </Button>
      }
      data-testid="notification-centre"
    >
      {centre.isError && <Alert type="error" showIcon message={text.loadFailed} />}
      <List
        loading={centre.isLoading}
        dataSource={entries}
        locale={{ emptyText: text.empty }}
        renderItem={(entry) => (
          <List.Item
            className={`notification-entry${entry.readAt === null ? ' notification-entry--unread' : ''}`}
            data-testid="notification-entry"
            data-read={entry.readAt !== null}
          >
            <button
              type="button"
              className="notification-entry__open"
              onClick={() => {
                if (entry.readAt === null) markRead.mutate(entry.id);
                if (entry.incidentId) {
                  onClose();
                  void navigate(`/incidents/${entry.incidentId}`);
                }
              }}
              aria-label={entry.incidentId ? `${notificationTitle(entry, language, drill)} — ${text.openIncident}` : notificationTitle(entry, language, drill)}
            >
              <Typography.Text strong={entry.readAt === null}>{notificationTitle(entry, language, drill)}</Typography.Text>
              <span className="notification-entry__meta">
                {formatDateTime(entry.createdAt)}
                {entry.readAt === null && <span className="notification-entry__unread">{text.unread}</span>}
              </span>
            </button>
          </List.Item>
        )}
      />
      <NotificationPreferences />
    </Drawer>
  );
}
