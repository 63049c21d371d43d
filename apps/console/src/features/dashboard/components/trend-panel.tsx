import type { TrendsDto } from '@netduty/contracts';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDashboardFormat } from '../hooks/use-dashboard-format';
import { trendOption } from '../lib/chart-options';
import type { DashboardPeriod } from '../lib/dashboard-filters';
import { DashboardChart } from './dashboard-chart';
import { useChartStyle } from './dashboard-variant';
import { Panel } from './panel';

/** How a bucket is named on the axis and in the tooltip, by period. */
const AXIS_FORMAT: Readonly<Record<DashboardPeriod, string>> = { '24h': 'HH:mm', '7d': 'DD/MM HH:mm', '30d': 'DD/MM' };

interface TrendPanelProps {
  trends: TrendsDto | undefined;
  period: DashboardPeriod;
  height: number | 'fill';
  testId: string;
  extra?: ReactNode;
}

/** Incidents opened and resolved per hour (or day) over the period. */
export function TrendPanel({ trends, period, height, testId, extra }: TrendPanelProps) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const style = useChartStyle();
  const periodLabel = t(`dashboard.filters.periods.${period}`);
  const title = `${t('dashboard.charts.trendOf', { period: periodLabel.toLowerCase() })} (${t(period === '30d' ? 'dashboard.charts.byDay' : 'dashboard.charts.byHour')})`;
  const option = useMemo(
    () =>
      trendOption(
        trends?.series ?? [],
        { opened: t('dashboard.charts.opened'), resolved: t('dashboard.charts.resolved'), count: t('dashboard.charts.incidents') },
        {
          axisLabel: (iso) => format.dateTime(iso, AXIS_FORMAT[period]),
          tooltipLabel: (iso) =>
            trends?.bucket === 'day'
              ? format.dateTime(iso, 'DD/MM/YYYY')
              : `${format.dateTime(iso, 'DD/MM/YYYY HH:mm')}–${format.dateTime(new Date(Date.parse(iso) + 3_600_000).toISOString(), 'HH:mm')}`,
          count: format.count,
        },
        style,
      ),
    [trends, t, format, style, period],
  );
  return (
    <Panel title={title} testId={testId} className="dash-panel--chart" extra={extra}>
      <DashboardChart option={option} label={title} height={height} testId={`${testId}-chart`} />
    </Panel>
  );
}
