import { lazy, Suspense } from 'react';
import { useNowDerived } from '../../../lib/use-now';
import { useCurrentEventPeriods } from '../hooks/use-current-event-periods';
import { eventBannerAt } from '../lib/event-banner';

// The banner (its strings and styles) loads only while there is something to announce.
const EventBanner = lazy(() => import('./event-banner').then((module) => ({ default: module.EventBanner })));

/** In the shell: polls the current event periods and shows the banner while one runs or starts within 7 days. */
export function EventBannerSlot() {
  const { data } = useCurrentEventPeriods();
  // Re-renders only when the banner appears or goes, not every second.
  const shown = useNowDerived((now) => eventBannerAt(data, now)?.kind ?? 'none');
  if (!data || shown === 'none') return null;
  return (
    <Suspense fallback={null}>
      <EventBanner current={data} />
    </Suspense>
  );
}
