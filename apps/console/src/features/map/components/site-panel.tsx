import { ArrowLeftOutlined } from '@ant-design/icons';
import type { CommuneDto, MapSiteDto } from '@netduty/contracts';
import { Alert, Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../lib/date-time';
import { SeverityTag } from '../../incidents/components/severity-tag';
import { StatusTag } from '../../incidents/components/status-tag';
import { useSiteOpenIncidents } from '../hooks/use-map-data';
import { useMapStrings } from '../hooks/use-map-strings';
import { siteLookOf } from '../lib/site-look';
import type { SiteBattery } from '../../board/hooks/use-site-battery';

interface SitePanelProps {
  site: MapSiteDto;
  commune: CommuneDto | undefined;
  operatorName: string;
  onBack: () => void;
  /** The site's countdown on batteries, when it is counting down. */
  battery?: SiteBattery;
}

/** One site: what and where it is, its state in words, and its open incidents, each opening on the board. */
export function SitePanel({ site, commune, operatorName, onBack, battery }: SitePanelProps) {
  const t = useMapStrings();
  const { t: common } = useTranslation();
  const incidents = useSiteOpenIncidents(site.id);
  const items = incidents.data?.items ?? [];
  return (
    <section className="map-site" data-testid="map-site-panel" data-site-id={site.id}>
      <Button type="link" size="small" icon={<ArrowLeftOutlined />} onClick={onBack} className="map-site__back" data-testid="map-site-back">
        {t('map.site.back')}
      </Button>
      <h3 className="map-site__title">
        <strong>{site.code}</strong> · {site.name}
      </h3>
      <dl className="map-site__facts">
        <dt>{t('map.site.state')}</dt>
        <dd>
          <span className={`site-state site-state--${site.state}`} data-testid="map-site-state">
            {t(`map.look.${siteLookOf(site)}`)}
          </span>
        </dd>
        <dt>{t('map.site.operator')}</dt>
        <dd>{operatorName}</dd>
        <dt>{t('map.site.kind')}</dt>
        <dd>{common(`siteKind.${site.kind}`)}</dd>
        <dt>{t('map.site.commune')}</dt>
        <dd>
          {commune?.name ?? site.communeCode}
          {commune?.formerDistrict && <span className="muted"> ({commune.formerDistrict})</span>}
        </dd>
        <dt>{t('map.site.priority')}</dt>
        <dd>{common(`priority.${site.priority}`)}</dd>
        {battery && (
          <>
            <dt>{t('map.site.battery')}</dt>
            <dd data-testid="map-site-battery" data-minutes={battery.minutesLeft} className={battery.minutesLeft < 30 ? 'map-site__battery map-site__battery--urgent' : 'map-site__battery'}>
              {battery.minutesLeft <= 0 ? t('map.site.batteryPast') : t('map.site.batteryLeft', { minutes: battery.minutesLeft })}
              {battery.offAirAt && battery.minutesLeft > 0 && <span className="muted"> · {t('map.site.offAirAt', { time: formatDateTime(battery.offAirAt) })}</span>}
            </dd>
          </>
        )}
      </dl>
      <h4 className="map-section-title">
        {t('map.site.openIncidents')} ({site.openIncidents})
      </h4>
      {incidents.isPending && <Spin size="small" />}
      {incidents.isError && <Alert type="error" showIcon title={t('map.site.incidentsFailed')} />}
      {incidents.isSuccess && items.length === 0 && <p className="muted">{t('map.site.noOpenIncidents')}</p>}
      {items.length > 0 && (
        <ul className="map-incidents" data-testid="map-site-incidents">
          {items.map((incident) => (
            <li key={incident.id} className="map-incidents__item">
              <Link to={`/incidents/${incident.id}`} className="map-incidents__link" aria-label={t('map.site.openIncident', { reference: incident.reference })} data-testid="map-incident-link">
                <strong>{incident.reference}</strong>
                <span>{common(`category.${incident.category}`)}</span>
              </Link>
              <span className="map-incidents__tags">
                <SeverityTag severity={incident.severity} />
                <StatusTag status={incident.status} />
                <span className="muted">{formatDateTime(incident.reportedAt)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
