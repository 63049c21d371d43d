import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLiveConnectionStatus, type LiveConnectionStatus } from '../hooks/live-connection-context';

const BADGE_STATUS: Record<LiveConnectionStatus, 'success' | 'processing' | 'warning' | 'error'> = {
  connecting: 'processing',
  live: 'success',
  reconnecting: 'warning',
  offline: 'error',
};

/** The socket's state; `compact` (a narrow header) shows the dot alone, its words stay the accessible name. */
export function ConnectionIndicator({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const status = useLiveConnectionStatus();
  const hint = status === 'live' ? t('connection.liveHint') : t('connection.reconnectingHint');
  return (
      <span
        className={`connection-indicator connection-indicator--${status}${compact ? ' connection-indicator--compact' : ''}`}
        data-testid="connection-indicator"
        data-status={status}
        title={hint}
        role="status"
        aria-label={compact ? t(`connection.${status}`) : undefined}
      >
        <Badge status={BADGE_STATUS[status]} text={compact ? undefined : t(`connection.${status}`)} />
      </span>
  );
}
