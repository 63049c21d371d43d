import { FullscreenOutlined, ReloadOutlined } from '@ant-design/icons';
import type { KpiDimension } from '@netduty/contracts';
import { KPI_DIMENSIONS } from '@netduty/contracts';
import { Alert, Button, Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { i18n } from '../../../i18n/i18n';
import { registerStrings } from '../../../i18n/register-strings';
import { useNetworkSafety, useTrends } from '../hooks/use-analytics';
import { useConsoleAnalyticsPulse } from '../hooks/use-analytics-pulse';
import { useDashboardFilters } from '../hooks/use-dashboard-filters';
import { useDashboardFormat } from '../hooks/use-dashboard-format';
import { useTrendWindow } from '../hooks/use-trend-window';
import { dashboardEn } from '../i18n/dashboard.en';
import { dashboardVi } from '../i18n/dashboard.vi';
import { toSafetyQuery, toTrendsQuery } from '../lib/dashboard-filters';
import { boardLink, communesWithSitesDown, summariseSafety } from '../lib/safety-summary';
import { RoamingPanel } from '../../roaming/components/roaming-panel';
import { CoveragePanel } from './coverage-panel';
import { DashboardFiltersBar } from './dashboard-filters-bar';
import { DashboardVariantContext } from './dashboard-variant';
import { EventStatus } from './event-status';
import { P0SitesPanel } from './p0-sites-panel';
import { RecurringCausesPanel, RecurringSitesPanel } from './recurring-panels';
import { ResponseTimesPanel } from './response-times-panel';
import { CommunicationsHeadline, SafetyTiles } from './safety-tiles';
import { SiteStatePanel } from './site-state-panel';
import { SlaPanel } from './sla-panel';
import { TrendPanel } from './trend-panel';
import './dashboard.css';

// This area's strings load with it, not in the first load.
registerStrings(i18n, dashboardVi, dashboardEn);

const CHART_HEIGHT = 280;

/**
 * /dashboard: the leadership's picture on a laptop, inside the shell. Whether communications are
 * uninterrupted and where not, the P0 sites, breached deadlines, coverage lost, and the period's flow
 * and deadlines kept; filtered by period, operator, commune and severity (in the URL). Live: every
 * analytics pulse on the console's socket refetches the figures (at most once every 2 s).
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const [filters, setFilters] = useDashboardFilters();
  useConsoleAnalyticsPulse();
  const safetyQuery = useMemo(() => toSafetyQuery(filters), [filters]);
  const window = useTrendWindow(filters.period);
  const trendsQuery = useMemo(() => toTrendsQuery(filters, window), [filters, window]);
  const safety = useNetworkSafety(safetyQuery);
  const trends = useTrends(trendsQuery);
  const summary = useMemo(() => (safety.data ? summariseSafety(safety.data) : null), [safety.data]);
  const [dimension, setDimension] = useState<KpiDimension>('operator');
  const periodLabel = t(`dashboard.filters.periods.${filters.period}`);
  const links = { p0: boardLink(filters, true), breached: boardLink(filters) };

  return (
    <DashboardVariantContext.Provider value="laptop">
      <div className="dash dash--laptop" data-testid="dashboard-page">
        <header className="dash-toolbar">
          <div className="dash-toolbar__title">
            <h1>{t('dashboard.title')}</h1>
            <span className="dash-toolbar__updated" data-testid="dashboard-updated">
              {safety.data ? t('dashboard.updatedAt', { time: format.dateTime(safety.data.at, 'HH:mm:ss DD/MM/YYYY') }) : t('app.loading')}
              {(safety.isFetching || trends.isFetching) && safety.data && ` · ${t('dashboard.refreshing')}`}
            </span>
          </div>
          <Link to="/wall" className="dash-toolbar__wall" title={t('dashboard.openWallHint')} data-testid="open-wall">
            <FullscreenOutlined /> {t('dashboard.openWall')}
          </Link>
        </header>
        <DashboardFiltersBar filters={filters} onChange={setFilters} />
        {safety.isError && (
          <Alert
            type="error"
            showIcon
            title={t('dashboard.loadFailed')}
            description={safety.error.message}
            action={
              <Button size="small" icon={<ReloadOutlined />} onClick={() => void safety.refetch()}>
                {t('dashboard.retry')}
              </Button>
            }
            data-testid="dashboard-error"
          />
        )}
        {trends.isError && <Alert type="warning" showIcon title={t('dashboard.trendsFailed')} description={trends.error.message} />}
        {summary && safety.data ? (
          <>
            <EventStatus event={summary.event} />
            <div className="dash-overview" data-testid="dashboard-tiles">
              <CommunicationsHeadline summary={summary} />
              <SafetyTiles summary={summary} boardLinks={links} />
            </div>
            <div className="dash-grid">
              <TrendPanel trends={trends.data} period={filters.period} height={CHART_HEIGHT} testId="panel-trend" />
              <SiteStatePanel tallies={safety.data.byOperator} group="operator" height={CHART_HEIGHT} />
              <P0SitesPanel summary={summary} boardLink={links.p0} limit={8} />
              <CoveragePanel summary={summary} />
              <RoamingPanel />
              <SiteStatePanel tallies={communesWithSitesDown(safety.data, 10)} group="commune" height={CHART_HEIGHT} />
              <SlaPanel sla={trends.data?.sla} periodLabel={periodLabel} />
              <ResponseTimesPanel
                rows={trends.data?.responseTimes ?? []}
                dimension={dimension}
                periodLabel={periodLabel}
                height={CHART_HEIGHT}
                extra={
                  <Segmented<KpiDimension>
                    size="small"
                    aria-label={t('dashboard.charts.responseTimes')}
                    options={KPI_DIMENSIONS.map((value) => ({ value, label: t(`dashboard.charts.dimension.${value}`) }))}
                    value={dimension}
                    onChange={setDimension}
                    data-testid="response-dimension"
                  />
                }
              />
              <SiteStatePanel tallies={safety.data.byKind} group="kind" height={CHART_HEIGHT} />
              <RecurringCausesPanel causes={trends.data?.recurringCauses ?? []} periodLabel={periodLabel} height={CHART_HEIGHT} />
              <RecurringSitesPanel sites={trends.data?.recurringSites ?? []} periodLabel={periodLabel} limit={10} />
            </div>
          </>
        ) : (
          !safety.isError && <div className="dash-loading" aria-busy="true">{t('app.loading')}</div>
        )}
      </div>
    </DashboardVariantContext.Provider>
  );
}
