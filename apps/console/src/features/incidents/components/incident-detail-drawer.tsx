import type { IncidentDetailDto } from '@netduty/contracts';
import { Descriptions, Divider, Drawer, Empty, Result, Skeleton, Space, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../lib/api-client';
import { useCan } from '../../auth/hooks/use-session';
import { formatDateTime } from '../../../lib/date-time';
import { useLayoutSize } from '../../../lib/use-layout-size';
import { useIncidentDetail } from '../hooks/use-incident-queries';
import { ChainBlock } from '../../escalation/components/chain-block';
import { CommentBox } from './comment-box';
import { DeadlinePanel } from './deadline-panel';
import { EscalationBadge } from './escalation-badge';
import { IncidentActions } from './incident-actions';
import { AssignmentBlock } from './assignment-block';
import { IncidentTimeline } from './incident-timeline';
import { IncidentDeliveries } from '../../notifications/components/incident-deliveries';
import { IncidentReportActions } from '../../reports/components/incident-report-actions';
import { SeverityTag } from './severity-tag';
import { StatusTag } from './status-tag';
import { StormPanel } from './storm-panel';
import { i18n } from '../../../i18n/i18n';
import { registerOnDutyStrings } from '../../../i18n/register-on-duty-strings';

// The detail's strings (timeline, assignment, chain) load with it, not in the first load.
registerOnDutyStrings(i18n);

/** Facts in two columns, or one on a phone (each spans the whole line there). */
function IncidentFacts({ incident, columns }: { incident: IncidentDetailDto; columns: 1 | 2 }) {
  const { t } = useTranslation();
  const { site } = incident;
  const items: DescriptionsProps['items'] = [
    {
      key: 'site',
      label: t('detail.site'),
      span: columns,
      children: (
        <span>
          <strong>{site.code}</strong> · {site.name} · {t(`siteKind.${site.kind}`)}
        </span>
      ),
    },
    {
      key: 'siteState',
      label: t('detail.siteState'),
      span: columns,
      children: (
        <span className={`site-state site-state--${site.state}`} data-testid="site-state">
          {t(`siteState.${site.state}`)}
          {site.downKind && ` — ${t(`siteState.downKind.${site.downKind}`)}`}
        </span>
      ),
    },
    {
      key: 'commune',
      label: t('detail.commune'),
      children: (
        <span>
          {site.commune.name}
          {site.commune.formerDistrict && <span className="muted"> ({site.commune.formerDistrict})</span>}
        </span>
      ),
    },
    { key: 'operator', label: t('detail.operator'), children: site.operator.name },
    { key: 'category', label: t('detail.category'), children: t(`category.${incident.category}`) },
    { key: 'priority', label: t('detail.priority'), children: t(`priority.${incident.priority}`) },
    { key: 'reporter', label: t('detail.reporter'), children: incident.reporterName },
    { key: 'reportedAt', label: t('detail.reportedAt'), children: formatDateTime(incident.reportedAt) },
  ];
  if (incident.acknowledgedAt) {
    items.push({ key: 'acknowledgedAt', label: t('detail.acknowledgedAt'), children: formatDateTime(incident.acknowledgedAt) });
  }
  if (incident.resolvedAt) {
    items.push({ key: 'resolvedAt', label: t('detail.resolvedAt'), children: formatDateTime(incident.resolvedAt) });
  }
  if (incident.closedAt) {
    items.push({ key: 'closedAt', label: t('detail.closedAt'), children: formatDateTime(incident.closedAt) });
  }
  // Two columns: an odd number of single-width facts leaves a hole, so the last one fills its line.
  const singleWidth = items.filter((item) => item.span === undefined);
  const lastSingle = singleWidth[singleWidth.length - 1];
  if (columns === 2 && singleWidth.length % 2 === 1 && lastSingle) lastSingle.span = 'filled';
  items.push(
    {
      key: 'responders',
      label: t('detail.responders'),
      span: columns,
      children:
        incident.responders.length > 0 ? (
          <ul className="responder-list" data-testid="detail-responders">
            {incident.responders.map((responder) => (
              <li key={responder.id}>
                {responder.name} · <a href={`tel:${responder.phone}`}>{responder.phone}</a>
                <span className="muted"> · {responder.clusterName}</span>
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('board.unassigned')}</span>
        ),
    },
    {
      key: 'description',
      label: t('detail.description'),
      span: columns,
      children: <Typography.Paragraph className="description">{incident.description}</Typography.Paragraph>,
    },
  );
  // On a phone the labels go above their values: two bordered columns side by side do not fit 390 px.
  return <Descriptions size="small" bordered column={columns} layout={columns === 1 ? 'vertical' : 'horizontal'} items={items} />;
}

function IncidentDetailBody({ incident, phone }: { incident: IncidentDetailDto; phone: boolean }) {
  const { t } = useTranslation();
  const canComment = useCan('incident.comment');
  return (
    <div className="incident-detail" data-testid="incident-detail" data-incident-reference={incident.reference}>
      <DeadlinePanel incident={incident} />
      <div className="incident-detail__actions">
        <IncidentActions incident={incident} />
      </div>
      <IncidentReportActions incident={incident} />
      <AssignmentBlock incident={incident} />
      <IncidentFacts incident={incident} columns={phone ? 1 : 2} />
      <StormPanel incident={incident} />
      <Divider titlePlacement="start">{t('chain.title')}</Divider>
      <ChainBlock incident={incident} />
      <Divider titlePlacement="start">{t('detail.timeline')}</Divider>
      <IncidentTimeline events={incident.timeline} />
      <IncidentDeliveries incidentId={incident.id} />
      {canComment && <CommentBox incident={incident} />}
    </div>
  );
}

/**
 * The detail of one incident, opened over the board at /incidents/:id. Live: socket events for this
 * incident patch the cached detail and refetch it (see applyIncidentToCache).
 */
export function IncidentDetailDrawer() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const detail = useIncidentDetail(id);
  const incident = detail.data;
  const { phone } = useLayoutSize();

  const close = () => void navigate({ pathname: '/', search: location.search });

  const title = incident ? (
    <Space wrap size={6} className="detail-title">
      <span className="reference reference--large" data-testid="detail-reference">
        {incident.reference}
      </span>
      <SeverityTag severity={incident.severity} />
      <StatusTag status={incident.status} />
      <EscalationBadge level={incident.escalationLevel} />
    </Space>
  ) : (
    t('detail.title')
  );

  return (
    // On a phone the panel takes the whole width (a fixed 760 px opened it off screen).
    <Drawer
      open
      onClose={close}
      size={phone ? '100%' : 760}
      title={title}
      destroyOnHidden
      closable={{ 'aria-label': t('detail.close') }}
      rootClassName={phone ? 'incident-drawer incident-drawer--phone' : 'incident-drawer'}
    >
      {detail.isLoading && <Skeleton active paragraph={{ rows: 10 }} />}
      {detail.isError && !incident && (
        <Result status={isApiError(detail.error) && detail.error.status === 404 ? '404' : 'error'} title={detail.error.message || t('detail.notFound')} />
      )}
      {incident && <IncidentDetailBody incident={incident} phone={phone} />}
      {!detail.isLoading && !detail.isError && !incident && <Empty description={t('detail.notFound')} />}
    </Drawer>
  );
}
