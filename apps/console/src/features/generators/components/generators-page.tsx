import type { BatteryCountdownEntryDto } from '@netduty/contracts';
import { Alert, Card, Empty, List, Skeleton, Table, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../i18n/i18n';
import { registerStrings } from '../../../i18n/register-strings';
import { formatDateTime } from '../../../lib/date-time';
import { useLayoutSize } from '../../../lib/use-layout-size';
import { usePermissions } from '../../auth/hooks/use-session';
import { hasPermission } from '../../auth/lib/access';
import { useBatteryCountdown } from '../hooks/use-battery';
import { useGeneratorsStrings } from '../hooks/use-generators-strings';
import { generatorsEn } from '../i18n/generators.en';
import { generatorsVi } from '../i18n/generators.vi';
import { DispatchSummary, EstimateBasis, MinutesLeft } from './battery-cells';
import { AssignTeamModal, DispatchActions } from './dispatch-actions';
import '../generators.css';

// This area's strings load with it, not in the first load.
registerStrings(i18n, generatorsVi, generatorsEn);

function SiteCell({ entry }: { entry: BatteryCountdownEntryDto }) {
  const { t } = useTranslation();
  return (
    <div className="cell-stack">
      <span className="site-code">{entry.site.code}</span>
      <span className="ellipsis" title={entry.site.name}>
        {entry.site.name}
      </span>
      <span className="cell-sub muted ellipsis">
        {entry.site.operator.name} · {entry.site.commune.name} · {t(`category.${entry.category}`)}
      </span>
    </div>
  );
}

function PriorityMark({ entry }: { entry: BatteryCountdownEntryDto }) {
  const { t } = useTranslation();
  return (
    <span className={`priority priority--${entry.priority}`} title={t(`priority.${entry.priority}`)}>
      {entry.priority}
    </span>
  );
}

function DispatchCell({ entry, canDispatch, onAssign }: { entry: BatteryCountdownEntryDto; canDispatch: boolean; onAssign: (entry: BatteryCountdownEntryDto) => void }) {
  const t = useGeneratorsStrings();
  return (
    <div className="battery-dispatch-cell">
      {entry.dispatch ? <DispatchSummary dispatch={entry.dispatch} /> : <span className="muted">{t('generators.noDispatch')}</span>}
      {canDispatch && <DispatchActions entry={entry} onAssign={onAssign} />}
    </div>
  );
}

/** A phone's card for one site: rank, site, the live countdown, the basis and the team, stacked. */
function EntryCard({ entry, canDispatch, onAssign }: { entry: BatteryCountdownEntryDto; canDispatch: boolean; onAssign: (entry: BatteryCountdownEntryDto) => void }) {
  return (
    <Card size="small" className="battery-card" data-testid={`battery-row-${entry.site.code}`}>
      <div className="battery-card__head">
        <span className="battery-rank">{entry.rank}</span>
        <PriorityMark entry={entry} />
        <SiteCell entry={entry} />
      </div>
      <MinutesLeft entry={entry} />
      <EstimateBasis entry={entry} />
      <DispatchCell entry={entry} canDispatch={canDispatch} onAssign={onAssign} />
    </Card>
  );
}

/**
 * /generators (điều phối máy phát): the sites on batteries in dispatch order, each with its live
 * countdown, what the estimate rests on and the generator team sent there. Duty officers (and the
 * site's cluster) assign a team and record its steps; leadership reads. A table on a laptop, cards on a phone.
 */
export function GeneratorsPage() {
  const t = useGeneratorsStrings();
  const { phone } = useLayoutSize();
  const permissions = usePermissions();
  const canDispatch = hasPermission(permissions, 'incident.assign');
  const countdown = useBatteryCountdown();
  const [assigning, setAssigning] = useState<BatteryCountdownEntryDto | null>(null);
  const entries = countdown.data?.entries ?? [];

  const columns = useMemo<TableColumnsType<BatteryCountdownEntryDto>>(
    () => [
      { key: 'rank', title: t('generators.columns.rank'), width: 72, render: (_value, entry) => <span className="battery-rank">{entry.rank}</span> },
      { key: 'priority', title: t('generators.columns.priority'), width: 90, render: (_value, entry) => <PriorityMark entry={entry} /> },
      { key: 'site', title: t('generators.columns.site'), width: 260, render: (_value, entry) => <SiteCell entry={entry} /> },
      { key: 'timeLeft', title: t('generators.columns.timeLeft'), width: 190, render: (_value, entry) => <MinutesLeft entry={entry} /> },
      { key: 'basis', title: t('generators.columns.basis'), width: 240, render: (_value, entry) => <EstimateBasis entry={entry} /> },
      {
        key: 'dispatch',
        title: t('generators.columns.dispatch'),
        render: (_value, entry) => <DispatchCell entry={entry} canDispatch={canDispatch} onAssign={setAssigning} />,
      },
    ],
    [t, canDispatch],
  );

  return (
    <div className="generators-page" data-testid="generators-page">
      <h2 className="generators-page__title">{t('generators.title')}</h2>
      <p className="generators-page__intro">{t('generators.intro')}</p>
      {countdown.data && (
        <p className="generators-page__meta muted">
          {t('generators.total', { count: entries.length })} · {t('generators.updatedAt', { time: formatDateTime(countdown.data.computedAt, 'HH:mm:ss') })}
        </p>
      )}
      {countdown.isError && <Alert type="error" showIcon title={t('generators.loadFailed')} description={countdown.error.message} />}
      {countdown.isLoading ? (
        <Skeleton active />
      ) : phone ? (
        <List
          className="battery-cards"
          dataSource={entries}
          locale={{ emptyText: <Empty description={t('generators.empty')} /> }}
          renderItem={(entry) => (
            <List.Item key={entry.site.id}>
              <EntryCard entry={entry} canDispatch={canDispatch} onAssign={setAssigning} />
            </List.Item>
          )}
        />
      ) : (
        <Table<BatteryCountdownEntryDto>
          size="small"
          rowKey={(entry) => entry.site.id}
          columns={columns}
          dataSource={entries}
          pagination={false}
          locale={{ emptyText: t('generators.empty') }}
          onRow={(entry) => ({ className: 'battery-row', 'data-testid': `battery-row-${entry.site.code}` })}
        />
      )}
      <AssignTeamModal entry={assigning} onClose={() => setAssigning(null)} />
    </div>
  );
}
