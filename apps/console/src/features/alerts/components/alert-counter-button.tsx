import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ALERT_BANNER_ID, useAlertSnapshot } from '../hooks/alerts-context';

/** The header's count of unseen alerts; it takes the operator to the banner that lists them. */
export function AlertCounterButton() {
  const { t } = useTranslation();
  const { unseen } = useAlertSnapshot();
  const count = unseen.length;
  return (
    <button
      type="button"
      className={`alert-counter${count > 0 ? ' alert-counter--active' : ''}`}
      aria-label={t('alerts.count', { count })}
      title={t('alerts.count', { count })}
      data-testid="alert-count"
      data-unseen={count}
      onClick={() => document.getElementById(ALERT_BANNER_ID)?.focus()}
    >
      <BellOutlined />
      {count > 0 && <span className="alert-counter__value">{count > 99 ? '99+' : count}</span>}
    </button>
  );
}
