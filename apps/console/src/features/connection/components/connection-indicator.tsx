import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLiveConnectionStatus, type LiveConnectionStatus } from '../hooks/live-connection-context';

const BADGE_STATUS: Record<LiveConnectionStatus, 'success' | 'processing' | 'warning' | 'error'> = {
  connecting: 'processing',
  live: 'success',
  reconnecting: 'warning',
  offline: 'error',
};

export function ConnectionIndicator() {
  const { t } = useTranslation();
  const status = useLiveConnectionStatus();
  const hint = status === 'live' ? t('connection.liveHint') : t('connection.reconnectingHint');
  return (
    <Tooltip title={hint}>
      <span className={`connection-indicator connection-indicator--${status}`} data-testid="connection-indicator" data-status={status}>
        <Badge status={BADGE_STATUS[status]} text={t(`connection.${status}`)} />
      </span>
    </Tooltip>
  );
}
