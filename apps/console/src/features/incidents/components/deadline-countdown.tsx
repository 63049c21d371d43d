import type { DeadlineDto } from '@netduty/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countdownState, formatCountdown } from '../../../lib/countdown';
import { formatDateTime } from '../../../lib/date-time';
import { useNow } from '../../../lib/use-now';

interface DeadlineCountdownProps {
  deadline: DeadlineDto | null;
  /** Show which deadline is counting (tiếp nhận / khắc phục) before the clock. */
  showKind?: boolean;
}

/**
 * A live countdown to one deadline. It reads the console's shared ticker, so a board of a thousand
 * rows still runs on a single timer; only mounted (visible) countdowns re-render each second.
 */
export function DeadlineCountdown({ deadline, showKind = true }: DeadlineCountdownProps) {
  const { t } = useTranslation();
  const now = useNow();
  // Parsed and formatted once per deadline, not on every tick: time-zone formatting is costly.
  const bounds = useMemo(
    () =>
      deadline
        ? { startsAt: Date.parse(deadline.startsAt), dueAt: Date.parse(deadline.dueAt), dueText: formatDateTime(deadline.dueAt) }
        : null,
    [deadline],
  );

  if (!deadline || !bounds) {
    return (
      <span className="countdown countdown--none" data-testid="countdown-none">
        {t('deadline.noClock')}
      </span>
    );
  }

  const state = countdownState(now, bounds.startsAt, bounds.dueAt);
  const kind = t(`deadlineKind.${deadline.kind}`);
  // In words with units ("12 phút", "quá hạn 3 phút"); the exact clock stays in the hint.
  const text = formatCountdown(t, state);
  // A plain title, not an antd Tooltip: this renders in every visible board row.
  return (
    <span className="countdown-cell" title={`${t('deadline.dueAt', { kind, time: bounds.dueText })} (${state.overdue ? '−' : ''}${state.clock})`}>
        {showKind && <span className="countdown-kind">{kind}</span>}
        <span
          className={`countdown countdown--${state.urgency}`}
          data-testid="countdown"
          data-urgency={state.urgency}
          data-deadline-kind={deadline.kind}
          data-seconds={state.overdue ? -state.seconds : state.seconds}
          role="timer"
        >
          {text}
        </span>
    </span>
  );
}
