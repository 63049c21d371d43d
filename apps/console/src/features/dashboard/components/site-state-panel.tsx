import type { SiteKind, SiteStateTally } from '@netduty/contracts';
import { SITE_KINDS } from '@netduty/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDashboardFormat } from '../hooks/use-dashboard-format';
import { siteStateOption } from '../lib/chart-options';
import { DashboardChart } from './dashboard-chart';
import { useChartStyle } from './dashboard-variant';
import { Panel, PanelNote } from './panel';

function isSiteKind(key: string): key is SiteKind {
  return (SITE_KINDS as readonly string[]).includes(key);
}

interface SiteStatePanelProps {
  tallies: readonly SiteStateTally[];
  /** operator: names from the api; kind: the console's own labels; commune: only communes with sites down. */
  group: 'operator' | 'kind' | 'commune';
  height: number | 'fill';
}

const TITLE_KEY = { operator: 'dashboard.charts.byOperator', kind: 'dashboard.charts.byKind', commune: 'dashboard.charts.byCommune' } as const;

/** Sites by state per operator, per kind, or the communes with the most sites down. */
export function SiteStatePanel({ tallies, group, height }: SiteStatePanelProps) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const style = useChartStyle();
  const title = t(TITLE_KEY[group]);
  const option = useMemo(() => {
    const rows = group === 'kind' ? tallies.map((tally) => ({ ...tally, label: isSiteKind(tally.key) ? t(`siteKind.${tally.key}`) : tally.label })) : tallies;
    return siteStateOption(
      rows,
      {
        inService: t('dashboard.charts.inService'),
        degraded: t('dashboard.tiles.degraded'),
        onBattery: t('dashboard.charts.onBattery'),
        onGenerator: t('dashboard.charts.onGenerator'),
        offAir: t('dashboard.tiles.offAir'),
        sites: t('dashboard.charts.sitesUnit'),
      },
      { count: format.count },
      style,
      group !== 'commune',
    );
  }, [tallies, group, t, format, style]);
  return (
    <Panel title={title} testId={`panel-by-${group}`} className="dash-panel--chart">
      {group === 'commune' && tallies.length === 0 ? (
        <PanelNote>{t('dashboard.charts.noCommuneDown')}</PanelNote>
      ) : (
        <DashboardChart option={option} label={title} height={height} testId={`chart-by-${group}`} />
      )}
    </Panel>
  );
}
