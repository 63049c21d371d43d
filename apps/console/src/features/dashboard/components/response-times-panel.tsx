import type { KpiDimension, ResponseTimesDto, Severity } from '@netduty/contracts';
import { SEVERITIES } from '@netduty/contracts';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDashboardFormat } from '../hooks/use-dashboard-format';
import { responseTimesOption } from '../lib/chart-options';
import { DashboardChart } from './dashboard-chart';
import { useChartStyle } from './dashboard-variant';
import { Panel, PanelNote } from './panel';

function isSeverity(key: string): key is Severity {
  return (SEVERITIES as readonly string[]).includes(key);
}

interface ResponseTimesPanelProps {
  rows: readonly ResponseTimesDto[];
  dimension: KpiDimension;
  periodLabel: string;
  height: number | 'fill';
  /** The laptop's dimension switch. */
  extra?: ReactNode;
}

/** MTTA and MTTR of the period's incidents by operator, severity or technical cluster. */
export function ResponseTimesPanel({ rows, dimension, periodLabel, height, extra }: ResponseTimesPanelProps) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const style = useChartStyle();
  const title = `${t('dashboard.charts.responseTimes')} · ${periodLabel}`;
  const shown = useMemo(
    () =>
      rows
        .filter((row) => row.dimension === dimension)
        .map((row) => (dimension === 'severity' && isSeverity(row.key) ? { ...row, label: t(`severity.${row.key}`) } : row)),
    [rows, dimension, t],
  );
  const option = useMemo(
    () =>
      responseTimesOption(
        shown,
        { mtta: t('dashboard.charts.mtta'), mttr: t('dashboard.charts.mttr'), minutes: t('dashboard.charts.minutes'), incidents: t('dashboard.charts.incidentsUnit') },
        { duration: format.duration, count: format.count },
        style,
      ),
    [shown, t, format, style],
  );
  return (
    <Panel title={title} testId="panel-response-times" className="dash-panel--chart" extra={extra}>
      {shown.length === 0 ? <PanelNote>{t('dashboard.charts.noIncidents')}</PanelNote> : <DashboardChart option={option} label={title} height={height} testId="chart-response-times" />}
    </Panel>
  );
}
