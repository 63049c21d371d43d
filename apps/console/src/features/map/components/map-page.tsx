import { AimOutlined, DownOutlined, UpOutlined } from '@ant-design/icons';
import type { CommuneDto, MapSiteDto, OperatorCode } from '@netduty/contracts';
import { Alert, Button, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { i18n } from '../../../i18n/i18n';
import { registerStrings } from '../../../i18n/register-strings';
import { formatDateTime } from '../../../lib/date-time';
import { useLayoutSize } from '../../../lib/use-layout-size';
import { useCommunes, useOperators } from '../../reference/hooks/use-reference-data';
import { useBoundaries, useMapSites, useNetworkSafety } from '../hooks/use-map-data';
import { useMapLiveRefresh } from '../hooks/use-map-live-refresh';
import { useMapStrings } from '../hooks/use-map-strings';
import { mapEn } from '../i18n/map.en';
import { mapVi } from '../i18n/map.vi';
import { communeImpacts, communePoints, type CommunePoint } from '../lib/commune-points';
import { compareByAttention } from '../lib/site-look';
import { tallySites } from '../lib/site-tally';
import { MapLegend } from './map-legend';
import { MapOverview } from './map-overview';
import { ProvinceMap, type LabelledCommune, type ProvinceMapHandle } from './province-map';
import { SitePanel } from './site-panel';
import { useSiteBatteries, type SiteBattery } from '../../board/hooks/use-site-battery';
import { useCan } from '../../auth/hooks/use-session';
import '../map.css';

// This area's strings load with it, not in the first load.
registerStrings(i18n, mapVi, mapEn);

const NO_SITES: MapSiteDto[] = [];
/** The province is fitted clear of the legend's corner, or on a phone of the folded drawer. */
const LEGEND_FIT_PADDING: [number, number] = [270, 12];
const PHONE_FIT_PADDING: [number, number] = [12, 120];
/** The open drawer's share of a phone's map (map.css: .map-panel--drawer max-height). */
const DRAWER_SHARE = 0.62;

/**
 * /map: the province's sites by state, clustered, over the province and its former districts, with the
 * impacted communes ringed. The map fills the height under the header (a wall screen, a laptop); the
 * panel sits beside it, and on a phone becomes a drawer at the bottom that a chosen site opens.
 */
export function MapPage() {
  const t = useMapStrings();
  const { phone } = useLayoutSize();
  useMapLiveRefresh();
  const sites = useMapSites();
  const safety = useNetworkSafety();
  const boundaries = useBoundaries();
  const communes = useCommunes();
  const operators = useOperators();
  const mapHandle = useRef<ProvinceMapHandle>(null);
  const [selectedSiteId, setSelectedSiteId] = useState<string | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const siteList = sites.data ?? NO_SITES;
  const communeByCode = useMemo(() => new Map((communes.data ?? []).map((commune): [string, CommuneDto] => [commune.code, commune])), [communes.data]);
  const operatorName = useCallback((code: OperatorCode) => operators.data?.find((operator) => operator.code === code)?.name ?? code, [operators.data]);
  const communeName = useCallback((code: string) => communeByCode.get(code)?.name ?? code, [communeByCode]);

  const batteries = useSiteBatteries(useCan('incident.read'));
  const batteryLabel = useCallback(
    (battery: SiteBattery) => (battery.minutesLeft <= 0 ? t('map.site.batteryPast') : t('map.site.batteryMarker', { minutes: battery.minutesLeft })),
    [t],
  );
  const points = useMemo(() => communePoints(siteList), [siteList]);
  const pointByCode = useMemo(() => new Map(points.map((point): [string, CommunePoint] => [point.communeCode, point])), [points]);
  const impacts = useMemo(() => communeImpacts(safety.data?.coverage), [safety.data]);
  const labelledCommunes = useMemo<LabelledCommune[]>(() => {
    const impactByCode = new Map(impacts.map((impact) => [impact.communeCode, impact]));
    return points.map((point) => ({ point, name: communeName(point.communeCode), impact: impactByCode.get(point.communeCode) ?? null }));
  }, [points, impacts, communeName]);
  const attention = useMemo(() => siteList.filter((site) => site.openIncidents > 0 || site.state !== 'in_service').sort(compareByAttention), [siteList]);
  const tally = useMemo(() => tallySites(siteList), [siteList]);
  const selectedSite = selectedSiteId ? siteList.find((site) => site.id === selectedSiteId) : undefined;

  // A site gone from a refetch (out of scope, removed) is no longer chosen.
  useEffect(() => {
    if (selectedSiteId && sites.data && !selectedSite) setSelectedSiteId(null);
  }, [selectedSiteId, selectedSite, sites.data]);

  const selectSite = useCallback((siteId: string | null) => {
    setSelectedSiteId(siteId);
    if (siteId) setDrawerOpen(true);
  }, []);
  const showSite = (site: MapSiteDto) => {
    mapHandle.current?.showSite(site);
    selectSite(site.id);
  };
  const showCommune = (point: CommunePoint) => {
    mapHandle.current?.showPoint(point.latitude, point.longitude);
    if (phone) setDrawerOpen(false);
  };

  const panelOpen = !phone || drawerOpen;
  const summary = (
    <div className="map-summary" data-testid="map-summary">
      <span>{t('map.summary.sites', { count: tally.sites })}</span>
      <span className="site-state--down">{t('map.summary.down', { count: tally.down })}</span>
      <span className="site-state--degraded">{t('map.summary.degraded', { count: tally.degraded })}</span>
      <span>{t('map.summary.openIncidents', { count: tally.openIncidents })}</span>
    </div>
  );

  return (
    <div className={`map-page${phone ? ' map-page--phone' : ''}`} data-testid="map-page">
      <div className="map-page__map">
        <ProvinceMap
          handle={mapHandle}
          sites={siteList}
          boundaries={boundaries.data}
          communes={labelledCommunes}
          selectedSiteId={selectedSiteId}
          onSelectSite={selectSite}
          label={t('map.mapLabel')}
          fitPadding={phone ? PHONE_FIT_PADDING : LEGEND_FIT_PADDING}
          coveredBottom={phone ? DRAWER_SHARE : 0}
          batteries={batteries}
          batteryLabel={batteryLabel}
        />
        <div className="map-page__tools">
          <Button size="small" icon={<AimOutlined />} onClick={() => mapHandle.current?.fitProvince()} data-testid="map-fit-province">
            {t('map.fitProvince')}
          </Button>
        </div>
        <MapLegend openByDefault={!phone} />
        {sites.isPending && (
          <div className="map-page__loading">
            <Spin />
            <span>{t('map.loading')}</span>
          </div>
        )}
        {(sites.isError || boundaries.isError) && (
          <div className="map-page__alerts">
            {sites.isError && (
              <Alert
                type="error"
                showIcon
                title={t('map.sitesFailed')}
                action={
                  <Button size="small" onClick={() => void sites.refetch()}>
                    {t('map.retry')}
                  </Button>
                }
              />
            )}
            {boundaries.isError && <Alert type="warning" showIcon title={t('map.boundariesFailed')} />}
          </div>
        )}
      </div>
      <aside className={`map-panel${phone ? ' map-panel--drawer' : ''}${panelOpen ? ' map-panel--open' : ''}`} data-testid="map-panel" aria-label={t('map.title')}>
        <header className="map-panel__header">
          <div className="map-panel__heading">
            <h2 className="map-panel__title">{t('map.title')}</h2>
            {phone && (
              <Button
                size="small"
                type="text"
                icon={drawerOpen ? <DownOutlined /> : <UpOutlined />}
                onClick={() => setDrawerOpen((open) => !open)}
                aria-expanded={drawerOpen}
                aria-label={drawerOpen ? t('map.panel.collapse') : t('map.panel.expand')}
                data-testid="map-panel-toggle"
              />
            )}
          </div>
          {summary}
          {sites.dataUpdatedAt > 0 && <span className="muted map-panel__updated">{t('map.updatedAt', { time: formatDateTime(new Date(sites.dataUpdatedAt).toISOString(), 'HH:mm:ss') })}</span>}
        </header>
        {panelOpen && (
          <div className="map-panel__body">
            {selectedSite ? (
              <SitePanel site={selectedSite} commune={communeByCode.get(selectedSite.communeCode)} operatorName={operatorName(selectedSite.operatorCode)} onBack={() => setSelectedSiteId(null)} battery={batteries.get(selectedSite.id)} />
            ) : (
              <MapOverview
                attention={attention}
                impacts={impacts}
                impactsKnown={safety.isSuccess}
                pointOf={(code) => pointByCode.get(code)}
                operatorName={operatorName}
                communeName={communeName}
                onShowSite={showSite}
                onShowCommune={showCommune}
              />
            )}
          </div>
        )}
      </aside>
    </div>
  );
}
