import { ThunderboltOutlined } from '@ant-design/icons';
import type { BatteryCountdownEntryDto, GeneratorDispatchDto, GeneratorDispatchStatus } from '@netduty/contracts';
import { Tag } from 'antd';
import { formatDateTime } from '../../../lib/date-time';
import { useNow } from '../../../lib/use-now';
import { useGeneratorsStrings } from '../hooks/use-generators-strings';
import { batteryClock } from '../lib/battery-countdown';

const TIME_FORMAT = 'HH:mm';

/** The time left on batteries, ticking each second between two reads of the estimate; red under 30 minutes. */
export function MinutesLeft({ entry }: { entry: BatteryCountdownEntryDto }) {
  const t = useGeneratorsStrings();
  const nowMs = useNow();
  if (entry.offAirAt === null) return <span className="muted">{t('generators.timeLeft.none')}</span>;
  const clock = batteryClock(nowMs, entry.offAirAt);
  return (
    <div className="cell-stack">
      <span className={`battery-clock${clock.urgent ? ' battery-clock--urgent' : ''}`} data-testid={`battery-clock-${entry.site.code}`} data-urgent={clock.urgent}>
        {clock.clock}
      </span>
      <span className="cell-sub muted">{clock.past ? t('generators.timeLeft.past') : t('generators.timeLeft.offAirAt', { time: formatDateTime(entry.offAirAt, TIME_FORMAT) })}</span>
    </div>
  );
}

/** What the estimate rests on, with the bank it used and whether the commune loses coverage. */
export function EstimateBasis({ entry }: { entry: BatteryCountdownEntryDto }) {
  const t = useGeneratorsStrings();
  const { profile } = entry;
  return (
    <div className="cell-stack">
      <span>{t(`generators.basis.${entry.basis}`)}</span>
      <span className="cell-sub muted">
        {t('generators.profile', { capacity: profile.capacityAh, load: profile.loadWatts })}
        {!profile.fromInventory && ` (${t('generators.defaultProfile')})`}
      </span>
      {entry.communesLosingService > 0 && (
        <Tag color="volcano" className="battery-commune-tag">
          {t('generators.communeLosing', { operator: entry.site.operator.name })}
        </Tag>
      )}
    </div>
  );
}

function statusTime(dispatch: GeneratorDispatchDto): string {
  const at: Readonly<Record<GeneratorDispatchStatus, string | null>> = {
    assigned: dispatch.assignedAt,
    departed: dispatch.departedAt,
    arrived: dispatch.arrivedAt,
    running: dispatch.runningAt,
    stopped: dispatch.stoppedAt,
  };
  return formatDateTime(at[dispatch.status], TIME_FORMAT);
}

const STATUS_COLOURS: Readonly<Record<GeneratorDispatchStatus, string>> = { assigned: 'blue', departed: 'geekblue', arrived: 'cyan', running: 'green', stopped: 'default' };

/** The team sent there, where it is, and since when. */
export function DispatchSummary({ dispatch }: { dispatch: GeneratorDispatchDto }) {
  const t = useGeneratorsStrings();
  return (
    <div className="cell-stack" data-testid="battery-dispatch" data-status={dispatch.status}>
      <span className="ellipsis" title={dispatch.note ?? dispatch.team}>
        <ThunderboltOutlined /> {dispatch.team}
      </span>
      <span>
        <Tag color={STATUS_COLOURS[dispatch.status]}>{t('generators.statusAt', { status: t(`generators.status.${dispatch.status}`), time: statusTime(dispatch) })}</Tag>
      </span>
    </div>
  );
}
