import type { IncidentDetailDto, RelatedIncidentDto } from '@netduty/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Divider } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useSiteBatteries, type SiteBattery } from '../../board/hooks/use-site-battery';
import { coverageImpactKey, fetchIncidentCoverageImpact } from '../api/coverage-impact.api';
import { StatusTag } from './status-tag';
import './storm-panel.css';

/** Coverage moves with site states: read again every minute while the detail is open. */
const IMPACT_POLL_MS = 60_000;

const isCleared = (child: RelatedIncidentDto) => child.status === 'resolved' || child.status === 'closed';

function BatteryCell({ battery }: { battery: SiteBattery | undefined }) {
  const { t } = useTranslation();
  if (!battery) return <span className="muted">{t('detail.storm.batteryNone')}</span>;
  const urgent = battery.minutesLeft < 30;
  return (
    <span className={urgent ? 'storm-battery storm-battery--urgent' : 'storm-battery'} data-minutes={battery.minutesLeft}>
      {battery.minutesLeft <= 0 ? t('detail.storm.batteryPast') : t('detail.storm.batteryLeft', { minutes: battery.minutesLeft })}
    </span>
  );
}

function CoverageImpact({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const impact = useQuery({ queryKey: coverageImpactKey(incidentId), queryFn: ({ signal }) => fetchIncidentCoverageImpact(incidentId, signal), refetchInterval: IMPACT_POLL_MS });
  if (impact.isError) return <Alert type="warning" showIcon title={t('detail.storm.impactFailed')} />;
  const data = impact.data;
  if (!data) return null;
  const names = (communes: { name: string }[]) => communes.map((commune) => commune.name).join(', ');
  const lost = data.byOperator.length > 0 || data.withoutAnyService.length > 0;
  return (
    <div className="storm-impact" data-testid="storm-impact">
      <p className="muted">{t('detail.storm.impactCommunes', { names: names(data.communes) })}</p>
      {data.withoutAnyService.length > 0 && (
        <p className="storm-impact__none" data-testid="storm-impact-none">
          {t('detail.storm.impactNone', { names: names(data.withoutAnyService) })}
        </p>
      )}
      {data.byOperator.map((operator) => (
        <p key={operator.operatorCode} data-testid={`storm-impact-${operator.operatorCode}`}>
          {t('detail.storm.impactOperator', { operator: operator.operatorName, names: names(operator.communes) })}
        </p>
      ))}
      {!lost && <p>{t('detail.storm.impactNoneFound')}</p>}
    </div>
  );
}

/**
 * A mass-outage parent's own part of its detail: its children (cleared or not, and the minutes left on
 * batteries at each), and the coverage they cost. A child shows a link to its parent instead.
 */
export function StormPanel({ incident }: { incident: IncidentDetailDto }) {
  const { t } = useTranslation();
  const location = useLocation();
  const batteries = useSiteBatteries(incident.correlation !== null, 'code');
  if (incident.parent) {
    return (
      <p className="storm-parent-link" data-testid="storm-parent">
        <Link to={{ pathname: `/incidents/${incident.parent.id}`, search: location.search }}>{t('detail.storm.parent', { reference: incident.parent.reference })}</Link>
      </p>
    );
  }
  const correlation = incident.correlation;
  if (!correlation) return null;
  const hidden = incident.childCount - incident.children.length;
  return (
    <section className="storm-panel" data-testid="storm-panel">
      <Divider titlePlacement="start">{t('detail.storm.title')}</Divider>
      <p className="storm-panel__kind" data-testid="storm-kind">
        {t(`board.storm.kind.${correlation.kind}`, { key: correlation.key })}
      </p>
      <h4 className="storm-panel__heading">{t('detail.storm.children', { count: incident.childCount })}</h4>
      <div className="storm-children" role="table" aria-label={t('detail.storm.children', { count: incident.childCount })}>
        <div role="row" className="storm-children__row storm-children__row--head">
          <span role="columnheader">{t('detail.storm.columns.reference')}</span>
          <span role="columnheader">{t('detail.storm.columns.site')}</span>
          <span role="columnheader">{t('detail.storm.columns.status')}</span>
          <span role="columnheader">{t('detail.storm.columns.cleared')}</span>
          <span role="columnheader">{t('detail.storm.columns.battery')}</span>
        </div>
        {incident.children.map((child) => (
          <div role="row" key={child.id} className="storm-children__row" data-testid={`storm-child-${child.reference}`}>
            <span role="cell">
              <Link className="reference" to={{ pathname: `/incidents/${child.id}`, search: location.search }}>
                {child.reference}
              </Link>
            </span>
            <span role="cell" className="site-code ellipsis" title={child.siteCode}>
              {child.siteCode}
            </span>
            <span role="cell">
              <StatusTag status={child.status} />
            </span>
            <span role="cell" className={isCleared(child) ? 'storm-cleared' : 'storm-not-cleared'}>
              {isCleared(child) ? t('detail.storm.cleared') : t('detail.storm.notCleared')}
            </span>
            <span role="cell">{isCleared(child) ? <span className="muted">{t('detail.storm.batteryNone')}</span> : <BatteryCell battery={batteries.get(child.siteCode)} />}</span>
          </div>
        ))}
      </div>
      {hidden > 0 && <p className="muted">{t('detail.storm.childrenHidden', { count: hidden })}</p>}
      <h4 className="storm-panel__heading">{t('detail.storm.impact')}</h4>
      <CoverageImpact incidentId={incident.id} />
    </section>
  );
}
