import { useTranslation } from 'react-i18next';
import { dayjs, DISPLAY_TIME_ZONE } from '../../../lib/date-time';
import { useNow } from '../../../lib/use-now';

/** The province's time, to the second, on the server's clock (the wall's socket corrects the ticker). */
export function WallClock() {
  const { t } = useTranslation();
  const now = dayjs(useNow()).tz(DISPLAY_TIME_ZONE);
  const date = now.format('dddd, DD/MM/YYYY');
  return (
    <div className="wall-clock" data-testid="wall-clock" aria-label={t('dashboard.wall.clock')}>
      <time className="wall-clock__time" dateTime={now.format()} data-testid="wall-clock-time">
        {now.format('HH:mm:ss')}
      </time>
      <div className="wall-clock__date">
        {date.charAt(0).toUpperCase() + date.slice(1)} · {t('dashboard.wall.clock')}
      </div>
    </div>
  );
}
