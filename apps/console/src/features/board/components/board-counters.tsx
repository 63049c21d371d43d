import type { IncidentCounts } from '@netduty/contracts';
import { useTranslation } from 'react-i18next';

const COUNTER_ORDER = ['open', 'breached', 'unacknowledged', 'escalated', 'p0'] as const;

interface BoardCountersProps {
  counts: IncidentCounts | undefined;
  /** The P0 counter is the board's P0 switch: pressed, the board shows P0 sites only. */
  p0Only: boolean;
  onP0OnlyChange: (on: boolean) => void;
}

/** The board header, from `GET /incidents/counts`: the figures cover every open incident in scope, loaded or not. */
export function BoardCounters({ counts, p0Only, onP0OnlyChange }: BoardCountersProps) {
  const { t } = useTranslation();
  return (
    <div className="board-counters" data-testid="board-counters">
      {COUNTER_ORDER.map((key) => {
        const value = counts?.[key];
        const className = `board-counter board-counter--${key}${value ? ' board-counter--nonzero' : ''}`;
        const content = (
          <>
            <span className="board-counter__value">{value ?? '–'}</span>
            <span className="board-counter__label">{t(`board.counters.${key}`)}</span>
          </>
        );
        if (key !== 'p0') {
          return (
            <div key={key} className={className} data-testid={`counter-${key}`}>
              {content}
            </div>
          );
        }
        return (
          <button
            key={key}
            type="button"
            className={`${className}${p0Only ? ' board-counter--pressed' : ''}`}
            aria-pressed={p0Only}
            title={t('board.filters.p0Hint')}
            onClick={() => onP0OnlyChange(!p0Only)}
            data-testid="filter-p0"
          >
            {content}
          </button>
        );
      })}
    </div>
  );
}
