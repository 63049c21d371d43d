import { MutedOutlined, SoundOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAlertSnapshot, useConsoleAlerts } from '../hooks/alerts-context';

/** Mutes this console's alert tone (remembered in this browser); the flash stays. */
export function AlertMuteToggle({ withLabel = false }: { withLabel?: boolean }) {
  const { t } = useTranslation();
  const alerts = useConsoleAlerts();
  const { muted } = useAlertSnapshot();
  if (!alerts) return null;
  const label = muted ? t('alerts.unmute') : t('alerts.mute');
  return (
    <button
      type="button"
      className={`header-icon-button${muted ? ' header-icon-button--muted' : ''}${withLabel ? ' header-icon-button--labelled' : ''}`}
      aria-pressed={muted}
      aria-label={label}
      title={muted ? t('alerts.muted') : label}
      onClick={() => alerts.store.setMuted(!muted)}
      data-testid="header-mute"
      data-muted={muted}
    >
      {muted ? <MutedOutlined /> : <SoundOutlined />}
      {withLabel && <span>{label}</span>}
    </button>
  );
}
