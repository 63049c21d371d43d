import type { MapSiteDto, OperatorCode } from '@netduty/contracts';
import { Alert } from 'antd';
import { useMapStrings } from '../hooks/use-map-strings';
import type { CommuneImpact, CommunePoint } from '../lib/commune-points';
import { SITE_LOOK_COLOUR, siteLookOf } from '../lib/site-look';

/** How many sites needing attention the panel lists; the rest are on the map. */
const ATTENTION_SHOWN = 40;

interface MapOverviewProps {
  /** Sites with open incidents or not in service, worst first. */
  attention: readonly MapSiteDto[];
  impacts: readonly CommuneImpact[];
  /** False while the network-safety figures are missing (the endpoint absent or refusing). */
  impactsKnown: boolean;
  pointOf: (communeCode: string) => CommunePoint | undefined;
  operatorName: (code: OperatorCode) => string;
  communeName: (code: string) => string;
  onShowSite: (site: MapSiteDto) => void;
  onShowCommune: (point: CommunePoint) => void;
}

/** The panel with no site chosen: the impacted communes, then the sites with incidents. */
export function MapOverview({ attention, impacts, impactsKnown, pointOf, operatorName, communeName, onShowSite, onShowCommune }: MapOverviewProps) {
  const t = useMapStrings();
  return (
    <div className="map-overview">
      <section data-testid="map-impacted">
        <h4 className="map-section-title">{t('map.impacted.title')}</h4>
        {!impactsKnown && <Alert type="info" showIcon title={t('map.impacted.unavailable')} />}
        {impactsKnown && impacts.length === 0 && <p className="muted">{t('map.impacted.none')}</p>}
        {impacts.length > 0 && (
          <ul className="map-list">
            {impacts.map((impact) => {
              const point = pointOf(impact.communeCode);
              return (
                <li key={impact.communeCode}>
                  <button
                    type="button"
                    className="map-list__row"
                    disabled={!point}
                    onClick={() => point && onShowCommune(point)}
                    aria-label={t('map.impacted.showOnMap', { name: impact.name })}
                  >
                    <span className={`map-list__ring ${impact.withoutAnyService ? 'map-list__ring--no-service' : 'map-list__ring--lost-operator'}`} aria-hidden="true" />
                    <span className="map-list__text">
                      <strong>{impact.name}</strong>
                      {impact.formerDistrict && <span className="muted"> ({impact.formerDistrict})</span>}
                      <span className="map-list__detail">
                        {impact.withoutAnyService ? t('map.impacted.noService') : t('map.impacted.lostOperators', { operators: impact.lostOperators.map(operatorName).join(', ') })}
                      </span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section data-testid="map-attention">
        <h4 className="map-section-title">{t('map.attention.title')}</h4>
        {attention.length === 0 && <p className="muted">{t('map.attention.none')}</p>}
        <ul className="map-list">
          {attention.slice(0, ATTENTION_SHOWN).map((site) => (
            <li key={site.id}>
              <button type="button" className="map-list__row" onClick={() => onShowSite(site)} data-testid="map-attention-site" data-site-id={site.id}>
                <span className="map-list__dot" style={{ background: SITE_LOOK_COLOUR[siteLookOf(site)] }} aria-hidden="true" />
                <span className="map-list__text">
                  <strong>{site.code}</strong> · {site.name}
                  <span className="map-list__detail">
                    {t(`map.look.${siteLookOf(site)}`)} · {communeName(site.communeCode)}
                    {site.openIncidents > 0 && ` · ${t('map.attention.openIncidents', { count: site.openIncidents })}`}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
        {attention.length > ATTENTION_SHOWN && <p className="muted">{t('map.attention.more', { count: attention.length - ATTENTION_SHOWN })}</p>}
      </section>
    </div>
  );
}
