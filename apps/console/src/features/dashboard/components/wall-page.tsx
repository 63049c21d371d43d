import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { i18n } from '../../../i18n/i18n';
import { registerStrings } from '../../../i18n/register-strings';
import { useNetworkSafety, useTrends } from '../hooks/use-analytics';
import { useAnalyticsChannel } from '../hooks/use-analytics-channel';
import { useDashboardFormat } from '../hooks/use-dashboard-format';
import { useTrendWindow } from '../hooks/use-trend-window';
import { dashboardEn } from '../i18n/dashboard.en';
import { dashboardVi } from '../i18n/dashboard.vi';
import { DEFAULT_DASHBOARD_FILTERS, toTrendsQuery } from '../lib/dashboard-filters';
import { boardLink, communesWithSitesDown, summariseSafety } from '../lib/safety-summary';
import { CoveragePanel } from './coverage-panel';
import { DashboardVariantContext } from './dashboard-variant';
import { EventStatus } from './event-status';
import { P0SitesPanel } from './p0-sites-panel';
import { RecurringCausesPanel } from './recurring-panels';
import { ResponseTimesPanel } from './response-times-panel';
import { CommunicationsHeadline, SafetyTiles } from './safety-tiles';
import { SiteStatePanel } from './site-state-panel';
import { SlaPanel } from './sla-panel';
import { TrendPanel } from './trend-panel';
import { WallClock } from './wall-clock';
import './dashboard.css';

// This area's strings load with it, not in the first load.
registerStrings(i18n, dashboardVi, dashboardEn);

const NO_FILTERS = {};
const BOARD_LINKS = { p0: boardLink(DEFAULT_DASHBOARD_FILTERS, true), breached: boardLink(DEFAULT_DASHBOARD_FILTERS) };

/**
 * /wall: the operations room's 1920×1080 screen, full screen without the shell: the whole province,
 * dark, big figures, one screen without scrolling, the province's clock. Its own socket asks for the
 * analytics channel only (the batched pulse), so an alarm storm costs it one refetch every 2 s.
 */
export function WallPage() {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const status = useAnalyticsChannel();
  const safety = useNetworkSafety(NO_FILTERS);
  const lastDay = useTrendWindow('24h');
  const lastWeek = useTrendWindow('7d');
  const day = useTrends(useMemo(() => toTrendsQuery(DEFAULT_DASHBOARD_FILTERS, lastDay), [lastDay]));
  const week = useTrends(useMemo(() => toTrendsQuery(DEFAULT_DASHBOARD_FILTERS, lastWeek), [lastWeek]));
  const summary = useMemo(() => (safety.data ? summariseSafety(safety.data) : null), [safety.data]);
  const weekLabel = t('dashboard.filters.periods.7d');

  return (
    <DashboardVariantContext.Provider value="wall">
      <div className="dash dash--wall" data-testid="wall-page">
        <header className="wall-header">
          <div className="wall-header__title">
            <h1>{t('dashboard.wallTitle')}</h1>
            <div className="wall-header__agency">
              {t('app.ownerAgency')}
              <Link to="/dashboard" className="wall-header__exit" title={t('dashboard.exitWall')} aria-label={t('dashboard.exitWall')}>
                ✕
              </Link>
            </div>
          </div>
          {summary && <EventStatus event={summary.event} />}
          <div className="wall-header__side">
            <WallClock />
            <div className={`wall-live wall-live--${status}`} data-testid="wall-live" data-status={status}>
              <span className="wall-live__dot" aria-hidden="true" />
              {status === 'live' ? t('dashboard.wall.live') : t(`connection.${status}`)}
              {safety.data && ` · ${t('dashboard.updatedAt', { time: format.dateTime(safety.data.at, 'HH:mm:ss') })}`}
            </div>
          </div>
        </header>
        {safety.isError && !safety.data && (
          <div className="wall-error" role="alert">
            {t('dashboard.loadFailed')}
          </div>
        )}
        {summary && safety.data && (
          <>
            <div className="dash-overview wall-overview" data-testid="dashboard-tiles">
              <CommunicationsHeadline summary={summary} />
              <SafetyTiles summary={summary} boardLinks={BOARD_LINKS} />
            </div>
            <div className="wall-grid">
              <TrendPanel trends={day.data} period="24h" height="fill" testId="panel-trend-24h" />
              <TrendPanel trends={week.data} period="7d" height="fill" testId="panel-trend-7d" />
              <SiteStatePanel tallies={safety.data.byOperator} group="operator" height="fill" />
              <P0SitesPanel summary={summary} boardLink={BOARD_LINKS.p0} limit={3} />
              <ResponseTimesPanel rows={week.data?.responseTimes ?? []} dimension="operator" periodLabel={weekLabel} height="fill" />
              <SlaPanel sla={week.data?.sla} periodLabel={weekLabel} />
              <RecurringCausesPanel causes={(week.data?.recurringCauses ?? []).slice(0, 6)} periodLabel={weekLabel} height="fill" />
              <SiteStatePanel tallies={communesWithSitesDown(safety.data, 6)} group="commune" height="fill" />
              <CoveragePanel summary={summary} />
            </div>
          </>
        )}
      </div>
    </DashboardVariantContext.Provider>
  );
}
