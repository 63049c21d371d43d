import type { SlaComplianceDto } from '@netduty/contracts';
import { useTranslation } from 'react-i18next';
import { useDashboardFormat } from '../hooks/use-dashboard-format';
import type { Tone } from '../lib/safety-summary';
import { Panel } from './panel';

/** Green from 95 %, amber from 80 %, red below: what the duty group is held to. */
function toneOf(percent: number | null): Tone {
  if (percent === null) return 'neutral';
  return percent >= 95 ? 'ok' : percent >= 80 ? 'warn' : 'alarm';
}

function Meter({ label, percent, inTime, decided, testId }: { label: string; percent: number | null; inTime: number; decided: number; testId: string }) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const tone = toneOf(percent);
  return (
    <div className={`dash-meter dash-meter--${tone}`} data-testid={testId} data-tone={tone}>
      <div className="dash-meter__head">
        <span className="dash-meter__label">{label}</span>
        <span className="dash-meter__value" data-testid={`${testId}-value`}>
          {format.percent(percent)}
        </span>
      </div>
      <div className="dash-meter__track" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent ?? undefined}>
        <div className="dash-meter__fill" style={{ width: `${percent ?? 0}%` }} />
      </div>
      <div className="dash-meter__detail">
        {decided === 0 ? t('dashboard.sla.noneDecided') : t('dashboard.sla.ofDecided', { inTime: format.count(inTime), decided: format.count(decided) })}
      </div>
    </div>
  );
}

/** Deadlines kept: the share of the period's incidents acknowledged and restored within their deadline. */
export function SlaPanel({ sla, periodLabel }: { sla: SlaComplianceDto | undefined; periodLabel: string }) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  return (
    <Panel title={`${t('dashboard.sla.title')} · ${periodLabel}`} testId="panel-sla" className="dash-panel--sla">
      <div className="dash-meters">
        <Meter
          label={t('dashboard.sla.acknowledge')}
          percent={sla?.acknowledgePercent ?? null}
          inTime={sla?.acknowledgedInTime ?? 0}
          decided={sla?.acknowledgeDecided ?? 0}
          testId="sla-acknowledge"
        />
        <Meter label={t('dashboard.sla.restore')} percent={sla?.restorePercent ?? null} inTime={sla?.restoredInTime ?? 0} decided={sla?.restoreDecided ?? 0} testId="sla-restore" />
        <p className="dash-note">{t('dashboard.sla.incidents', { count: format.count(sla?.incidents ?? 0), period: periodLabel.toLowerCase() })}</p>
      </div>
    </Panel>
  );
}
