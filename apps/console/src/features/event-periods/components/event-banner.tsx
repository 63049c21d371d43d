import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../i18n/i18n';
import { registerOnDutyStrings } from '../../../i18n/register-on-duty-strings';
import { formatDuration } from '../../../lib/countdown';
import { useNow } from '../../../lib/use-now';
import { eventBannerAt, longDuration, type CurrentEventPeriods } from '../lib/event-banner';
import './event-banner.css';

registerOnDutyStrings(i18n);

/** "2 ngày 03 giờ" from a day on, "1 giờ 05 phút" below. */
function durationWords(t: TFunction, seconds: number): string {
  const duration = longDuration(seconds);
  return 'days' in duration ? t('eventBanner.daysHours', duration) : formatDuration(t, duration.seconds);
}

/** The event period's banner: the running period and the time to its end, or the coming one and the time to its start. */
export function EventBanner({ current }: { current: CurrentEventPeriods }) {
  const { t } = useTranslation();
  const banner = eventBannerAt(current, useNow());
  if (!banner) return null;
  const text =
    banner.kind === 'active'
      ? t('eventBanner.endsIn', { name: banner.name, time: durationWords(t, banner.secondsLeft) })
      : t('eventBanner.startsIn', { name: banner.name, time: durationWords(t, banner.secondsToStart) });
  return (
    <section
      className={`event-banner event-banner--${banner.kind}`}
      role="status"
      aria-label={t('eventBanner.label')}
      data-testid="event-banner"
      data-kind={banner.kind}
      data-event-id={banner.id}
    >
      <span className="event-banner__label">{t('eventBanner.label')}</span>
      <span className="event-banner__text" data-testid="event-banner-text">
        {text}
      </span>
    </section>
  );
}
