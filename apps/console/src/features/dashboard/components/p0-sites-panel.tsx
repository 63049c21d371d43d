import type { PrioritySiteDto, SiteDownKind } from '@netduty/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useNow } from '../../../lib/use-now';
import { useDashboardFormat } from '../hooks/use-dashboard-format';
import type { SafetySummary } from '../lib/safety-summary';
import { useDashboardVariant } from './dashboard-variant';
import { Panel, PanelNote } from './panel';

const DOWN_KIND_LABEL = {
  on_battery: 'dashboard.tiles.onBattery',
  on_generator: 'dashboard.tiles.onGenerator',
  off_air: 'dashboard.tiles.offAir',
} as const satisfies Record<SiteDownKind, string>;

/** Code and state; then name, commune and since when (the wall puts them on one line). */
function SiteLine({ site, nowMs, compact }: { site: PrioritySiteDto; nowMs: number; compact: boolean }) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const since = site.stateSince ? Math.max(0, (nowMs - Date.parse(site.stateSince)) / 1000) : null;
  return (
    <li className={`dash-site dash-site--${site.state}`} data-testid="p0-site" data-site={site.code} data-state={site.state}>
      <div className="dash-site__head">
        <span className="dash-site__code">{site.code}</span>
        <span className={`dash-state dash-state--${site.state}`}>
          {t(`dashboard.siteState.${site.state}`)}
          {site.downKind && ` · ${t(DOWN_KIND_LABEL[site.downKind])}`}
        </span>
      </div>
      {!compact && <div className="dash-site__name">{site.name}</div>}
      <div className="dash-site__meta">
        {compact && <span className="dash-site__name">{site.name} · </span>}
        {site.communeName}
        {site.eventP0 && ` · ${t('dashboard.p0List.eventP0')}`}
        {since !== null && site.stateSince && ` · ${t('dashboard.p0List.since', { time: format.dateTime(site.stateSince, 'HH:mm DD/MM'), duration: format.duration(since) })}`}
      </div>
    </li>
  );
}

/** The P0 sites not in service (down first), and how many others are; the board opens on P0 sites. */
export function P0SitesPanel({ summary, boardLink, limit }: { summary: SafetySummary; boardLink: string; limit: number }) {
  const { t } = useTranslation();
  const variant = useDashboardVariant();
  const nowMs = useNow();
  const { p0 } = summary;
  const shown = p0.notInService.slice(0, limit);
  const inService = p0.total - p0.notInService.length;
  return (
    <Panel
      title={t('dashboard.p0List.title')}
      testId="panel-p0"
      className="dash-panel--p0"
      extra={
        variant === 'laptop' && (
          <Link to={boardLink} data-testid="p0-board-link">
            {t('dashboard.tiles.openBoard')} →
          </Link>
        )
      }
    >
      {p0.total === 0 ? (
        <PanelNote>{t('dashboard.p0List.none')}</PanelNote>
      ) : p0.notInService.length === 0 ? (
        <PanelNote>{t('dashboard.p0List.allInService', { count: p0.total })}</PanelNote>
      ) : (
        <>
          <ul className="dash-sites">
            {shown.map((site) => (
              <SiteLine key={site.id} site={site} nowMs={nowMs} compact={variant === 'wall'} />
            ))}
          </ul>
          {p0.notInService.length > shown.length && <PanelNote>{t('dashboard.p0List.moreNotInService', { count: p0.notInService.length - shown.length })}</PanelNote>}
          {inService > 0 && <PanelNote>{t('dashboard.p0List.moreInService', { count: inService })}</PanelNote>}
        </>
      )}
    </Panel>
  );
}
