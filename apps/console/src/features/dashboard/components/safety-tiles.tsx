import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ReactNode } from 'react';
import { useDashboardFormat } from '../hooks/use-dashboard-format';
import type { SafetySummary, Tone } from '../lib/safety-summary';
import { useDashboardVariant } from './dashboard-variant';

interface TileProps {
  tone: Tone;
  label: string;
  value: string;
  /** Under the number: "trên tổng 640 trạm (95,6%)". */
  detail?: ReactNode;
  /** The board, opened on what the tile counts (laptop only: the wall is read, not clicked). */
  to?: string;
  testId: string;
  children?: ReactNode;
}

function Tile({ tone, label, value, detail, to, testId, children }: TileProps) {
  const { t } = useTranslation();
  const variant = useDashboardVariant();
  return (
    <div className={`dash-tile dash-tile--${tone}`} data-testid={testId} data-tone={tone}>
      <div className="dash-tile__label">{label}</div>
      <div className="dash-tile__value" data-testid={`${testId}-value`}>
        {value}
      </div>
      {detail && <div className="dash-tile__detail">{detail}</div>}
      {children}
      {to && variant === 'laptop' && (
        <Link to={to} className="dash-tile__link" data-testid={`${testId}-link`}>
          {t('dashboard.tiles.openBoard')} →
        </Link>
      )}
    </div>
  );
}

function Breakdown({ items }: { items: { key: string; label: string; value: string; tone?: Tone }[] }) {
  return (
    <ul className="dash-breakdown">
      {items.map((item) => (
        <li key={item.key} className={`dash-breakdown__item${item.tone ? ` dash-breakdown__item--${item.tone}` : ''}`} data-testid={`breakdown-${item.key}`}>
          <span className="dash-breakdown__label">{item.label}</span>
          <span className="dash-breakdown__value">{item.value}</span>
        </li>
      ))}
    </ul>
  );
}

/** Whether communications are uninterrupted, and where not: the first thing leadership reads. */
export function CommunicationsHeadline({ summary }: { summary: SafetySummary }) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const reasons: string[] = [];
  if (summary.coverage.withoutAnyService.length > 0) reasons.push(t('dashboard.state.withoutService', { count: format.count(summary.coverage.withoutAnyService.length) }));
  if (summary.p0.down > 0) reasons.push(t('dashboard.state.p0Down', { count: format.count(summary.p0.down) }));
  for (const loss of summary.coverage.operatorLosses) {
    reasons.push(t('dashboard.state.operatorLoss', { operator: loss.operatorName, count: format.count(loss.communes.length) }));
  }
  return (
    <div className={`dash-headline dash-headline--${summary.state}`} role="status" data-testid="communications-state" data-state={summary.state}>
      <div className="dash-headline__label">{t('dashboard.state.label')}</div>
      <div className="dash-headline__state">{t(`dashboard.state.${summary.state}`)}</div>
      {reasons.length === 0 ? (
        <div className="dash-headline__detail">{t('dashboard.state.uninterruptedDetail')}</div>
      ) : (
        <ul className="dash-headline__reasons">
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface SafetyTilesProps {
  summary: SafetySummary;
  /** The board's URLs for the P0 and breached tiles. */
  boardLinks: { p0: string; breached: string };
}

/** The figures of the moment: sites in service and down, P0 sites, open and breached incidents, coverage. */
export function SafetyTiles({ summary, boardLinks }: SafetyTilesProps) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const { sites, p0, open, breached, coverage } = summary;
  return (
    <>
      <Tile
        tone={sites.down > 0 ? 'warn' : 'ok'}
        label={t('dashboard.tiles.sitesInService')}
        value={format.count(sites.inService)}
        detail={t('dashboard.tiles.ofTotal', { total: format.count(sites.total), percent: format.percent(sites.percentInService) })}
        testId="tile-sites-in-service"
      />
      <Tile tone={sites.tone} label={t('dashboard.tiles.sitesDown')} value={format.count(sites.down)} testId="tile-sites-down">
        <Breakdown
          items={[
            { key: 'on-battery', label: t('dashboard.tiles.onBattery'), value: format.count(sites.onBattery), tone: sites.onBattery > 0 ? 'warn' : undefined },
            { key: 'on-generator', label: t('dashboard.tiles.onGenerator'), value: format.count(sites.onGenerator), tone: sites.onGenerator > 0 ? 'warn' : undefined },
            { key: 'off-air', label: t('dashboard.tiles.offAir'), value: format.count(sites.offAir), tone: sites.offAir > 0 ? 'alarm' : undefined },
            { key: 'degraded', label: t('dashboard.tiles.degraded'), value: format.count(sites.degraded) },
          ]}
        />
      </Tile>
      <Tile
        tone={p0.tone}
        label={t('dashboard.tiles.p0')}
        value={format.count(p0.down)}
        detail={
          <>
            {t('dashboard.tiles.p0OfTotal', { total: format.count(p0.total) })}
            {p0.degraded > 0 && <div>{t('dashboard.tiles.p0Degraded', { count: format.count(p0.degraded) })}</div>}
          </>
        }
        to={boardLinks.p0}
        testId="tile-p0"
      />
      <Tile tone={open.tone} label={t('dashboard.tiles.open')} value={format.count(open.total)} testId="tile-open">
        <Breakdown
          items={open.bySeverity.map(({ severity, count }) => ({
            key: severity,
            label: t(`severity.${severity}`),
            value: format.count(count),
            tone: severity === 'critical' && count > 0 ? 'alarm' : undefined,
          }))}
        />
      </Tile>
      <Tile tone={breached.tone} label={t('dashboard.tiles.breached')} value={format.count(breached.total)} to={boardLinks.breached} testId="tile-breached">
        <Breakdown
          items={[
            { key: 'breached-acknowledge', label: t('dashboard.tiles.breachedAcknowledge'), value: format.count(breached.acknowledge), tone: breached.acknowledge > 0 ? 'alarm' : undefined },
            { key: 'breached-restore', label: t('dashboard.tiles.breachedRestore'), value: format.count(breached.restore), tone: breached.restore > 0 ? 'alarm' : undefined },
          ]}
        />
      </Tile>
      <Tile
        tone={coverage.tone}
        label={t('dashboard.tiles.coverage')}
        value={format.percent(coverage.percentWithSignal)}
        detail={t('dashboard.tiles.coverageOf', { withSignal: format.count(coverage.communesWithSignal), total: format.count(coverage.communesWithBts) })}
        testId="tile-coverage"
      />
    </>
  );
}
