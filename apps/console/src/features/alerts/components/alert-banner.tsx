import { CheckOutlined, MutedOutlined, SoundOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { formatDateTime } from '../../../lib/date-time';
import { ALERT_BANNER_ID, useAlertSnapshot, useAlertSoundState, useConsoleAlerts } from '../hooks/alerts-context';
import type { ConsoleAlert } from '../lib/alert-store';

/** At most this many lines; the rest are counted ("and 4 more") and still counted in the header. */
const SHOWN = 5;

function AlertLine({ alert, onSeen }: { alert: ConsoleAlert; onSeen: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const what = alert.kind === 'escalation' ? t('alerts.escalation', { level: alert.level ?? 0 }) : t('alerts.newIncident');
  return (
    <li className="alert-line" data-testid="alert-item" data-reference={alert.reference} data-kind={alert.kind}>
      <span className="alert-line__what">{what}</span>
      <Link to={{ pathname: `/incidents/${alert.incidentId}`, search: location.search }} className="alert-line__link">
        <span className="reference">{alert.reference}</span>
        <span className="alert-line__site">
          {alert.siteCode} · {alert.siteName}
        </span>
      </Link>
      <span className="alert-line__tags">
        {t(`severity.${alert.severity}`)} · {alert.priority} · {formatDateTime(new Date(alert.raisedAtMs).toISOString(), 'HH:mm')}
      </span>
      <Button size="small" icon={<CheckOutlined />} onClick={onSeen} data-testid="alert-seen">
        {t('alerts.seen')}
      </Button>
    </li>
  );
}

/**
 * The flashing banner over every page while alerts are unseen: what happened, a link to each incident,
 * "seen" per alert and for all; the sound's state, honestly (a browser that has not allowed audio yet
 * offers "click to enable sound"), and the console's mute switch. The flash is an opacity pulse that
 * stops for users who ask for reduced motion (the banner stays red and bordered).
 */
export function AlertBanner() {
  const { t } = useTranslation();
  const alerts = useConsoleAlerts();
  const { unseen, muted } = useAlertSnapshot();
  const sound = useAlertSoundState();
  if (!alerts || unseen.length === 0) return null;

  return (
    <section
      id={ALERT_BANNER_ID}
      tabIndex={-1}
      className="alert-banner"
      role="alert"
      aria-label={t('alerts.label')}
      data-testid="alert-banner"
      data-sound={muted ? 'muted' : sound}
    >
      <div className="alert-banner__head">
        <strong className="alert-banner__title">{t('alerts.count', { count: unseen.length })}</strong>
        <span className="alert-banner__tools">
          {!muted && sound === 'locked' && (
            <Button size="small" icon={<SoundOutlined />} onClick={() => void alerts.sound.unlock()} data-testid="alert-enable-sound">
              {t('alerts.enableSound')}
            </Button>
          )}
          {!muted && sound === 'unsupported' && <span className="alert-banner__note">{t('alerts.soundUnsupported')}</span>}
          <Button
            size="small"
            icon={muted ? <SoundOutlined /> : <MutedOutlined />}
            aria-pressed={muted}
            onClick={() => alerts.store.setMuted(!muted)}
            data-testid="alert-mute"
            data-muted={muted}
          >
            {muted ? t('alerts.unmute') : t('alerts.mute')}
          </Button>
          <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => alerts.store.markAllSeen()} data-testid="alert-all-seen">
            {t('alerts.allSeen')}
          </Button>
        </span>
      </div>
      <ul className="alert-banner__list">
        {unseen.slice(0, SHOWN).map((alert) => (
          <AlertLine key={alert.key} alert={alert} onSeen={() => alerts.store.markSeen(alert.key)} />
        ))}
      </ul>
      {unseen.length > SHOWN && <div className="alert-banner__more">{t('alerts.more', { count: unseen.length - SHOWN })}</div>}
    </section>
  );
}
