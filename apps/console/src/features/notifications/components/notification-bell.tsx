import { InboxOutlined } from '@ant-design/icons';
import { lazy, Suspense, useState } from 'react';
import { useNotificationText, useUnreadCount } from '../hooks/use-notifications';
import './notifications.css';

// The centre's list (antd Drawer and List) loads when the bell is first opened.
const NotificationCentre = lazy(() => import('./notification-centre').then((module) => ({ default: module.NotificationCentre })));

/** The header's notification centre button (an inbox: the alert counter beside it is the bell) with the unread count. */
export function NotificationBell() {
  const { text } = useNotificationText();
  const unread = useUnreadCount().data?.unread ?? 0;
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const label = unread > 0 ? text.bellUnread(unread) : text.bell;
  return (
    <>
      <button
        type="button"
        className="header-icon-button notification-bell"
        aria-label={label}
        title={label}
        aria-haspopup="dialog"
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
        data-testid="notification-bell"
        data-unread={unread}
      >
        <InboxOutlined />
        {unread > 0 && (
          <span className="notification-bell__count" data-testid="notification-bell-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {wanted && (
        <Suspense fallback={null}>
          <NotificationCentre open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
