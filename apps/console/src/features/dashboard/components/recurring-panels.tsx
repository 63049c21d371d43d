import type { RecurringCauseDto, RecurringSiteDto } from '@netduty/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDashboardFormat } from '../hooks/use-dashboard-format';
import { causesOption } from '../lib/chart-options';
import { DashboardChart } from './dashboard-chart';
import { useChartStyle } from './dashboard-variant';
import { Panel, PanelNote } from './panel';

/** The period's most recurring causes (categories), most first. */
export function RecurringCausesPanel({ causes, periodLabel, height }: { causes: readonly RecurringCauseDto[]; periodLabel: string; height: number | 'fill' }) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const style = useChartStyle();
  const title = `${t('dashboard.charts.causes')} · ${periodLabel}`;
  const option = useMemo(
    () => causesOption(causes, { incidents: t('dashboard.charts.incidentsUnit'), category: (category) => t(`category.${category}`) }, { count: format.count }, style),
    [causes, t, format, style],
  );
  return (
    <Panel title={title} testId="panel-causes" className="dash-panel--chart">
      {causes.length === 0 ? <PanelNote>{t('dashboard.charts.noIncidents')}</PanelNote> : <DashboardChart option={option} label={title} height={height} testId="chart-causes" legend={false} />}
    </Panel>
  );
}

/** The sites with the most incidents in the period. */
export function RecurringSitesPanel({ sites, periodLabel, limit }: { sites: readonly RecurringSiteDto[]; periodLabel: string; limit: number }) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  return (
    <Panel title={`${t('dashboard.charts.recurringSites')} · ${periodLabel}`} testId="panel-recurring-sites" className="dash-panel--table">
      {sites.length === 0 ? (
        <PanelNote>{t('dashboard.charts.noRecurringSites')}</PanelNote>
      ) : (
        <table className="dash-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.table.site')}</th>
              <th scope="col">{t('dashboard.table.commune')}</th>
              <th scope="col" className="dash-table__number">
                {t('dashboard.table.incidents')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sites.slice(0, limit).map((site) => (
              <tr key={site.siteId} data-testid="recurring-site">
                <td>
                  <div className="dash-table__code">{site.code}</div>
                  <div className="dash-table__sub">{site.name}</div>
                </td>
                <td>{site.communeName}</td>
                <td className="dash-table__number">{format.count(site.incidents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
