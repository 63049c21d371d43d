import type { IncidentDto } from '@netduty/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNowDerived } from '../../../lib/use-now';
import { countBreached, countByState, type BoardCounters as Counters } from '../lib/board-counters';

type CounterKey = keyof Counters;
const COUNTER_ORDER: readonly CounterKey[] = ['open', 'breached', 'unacknowledged', 'escalated'];

export function BoardCounters({ incidents }: { incidents: IncidentDto[] }) {
  const { t } = useTranslation();
  // Re-renders when the number of breached incidents changes, not on every tick.
  const breached = useNowDerived((nowMs) => countBreached(incidents, nowMs));
  const byState = useMemo(() => countByState(incidents), [incidents]);
  const counters: Counters = { ...byState, breached };

  return (
    <div className="board-counters" data-testid="board-counters">
      {COUNTER_ORDER.map((key) => (
        <div
          key={key}
          className={`board-counter board-counter--${key}${counters[key] > 0 ? ' board-counter--nonzero' : ''}`}
          data-testid={`counter-${key}`}
        >
          <span className="board-counter__value">{counters[key]}</span>
          <span className="board-counter__label">{t(`board.counters.${key}`)}</span>
        </div>
      ))}
    </div>
  );
}
