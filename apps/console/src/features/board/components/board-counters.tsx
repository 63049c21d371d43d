import type { IncidentCounts } from '@netduty/contracts';
import { useTranslation } from 'react-i18next';

const COUNTER_ORDER = ['open', 'breached', 'unacknowledged', 'escalated', 'p0'] as const;

/** The board header, from `GET /incidents/counts`: the figures cover every open incident in scope, loaded or not. */
export function BoardCounters({ counts }: { counts: IncidentCounts | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="board-counters" data-testid="board-counters">
      {COUNTER_ORDER.map((key) => {
        const value = counts?.[key];
        return (
          <div
            key={key}
            className={`board-counter board-counter--${key}${value ? ' board-counter--nonzero' : ''}`}
            data-testid={`counter-${key}`}
          >
            <span className="board-counter__value">{value ?? '–'}</span>
            <span className="board-counter__label">{t(`board.counters.${key}`)}</span>
          </div>
        );
      })}
    </div>
  );
}
