import { Alert, Card, Collapse, Empty, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/date-time';
import type { GroupOnDutyDto } from '@netduty/contracts';
import { useOnDutyNow } from '../hooks/use-rosters';
import { shiftTimeRange } from '../lib/week';
import { DutyPerson } from './duty-person';

const KIND_COLOR = { department: 'red', leadership: 'gold', cluster: 'geekblue' } as const;

function GroupCard({ entry }: { entry: GroupOnDutyDto }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      className={`on-duty-card on-duty-card--${entry.group.kind}`}
      title={
        <span className="on-duty-card__title">
          <span className="on-duty-card__name">{entry.group.name}</span>
          <Tag color={KIND_COLOR[entry.group.kind]}>{t(`rosters.kind.${entry.group.kind}`)}</Tag>
        </span>
      }
      data-testid={`on-duty-card-${entry.group.id}`}
    >
      {entry.shifts.length === 0 && <span className="on-duty-card__nobody">{t('rosters.nobody')}</span>}
      {entry.shifts.map((shift) => (
        <div key={`${shift.sourceId}-${shift.startsAt}`} className="on-duty-card__shift">
          <div className="on-duty-card__time">
            {shiftTimeRange(shift.startsAt, shift.endsAt)}
            <span className="on-duty-card__until">{t('rosters.until', { time: formatDateTime(shift.endsAt, 'HH:mm DD/MM') })}</span>
            {shift.source !== 'rotation' && <Tag color="orange">{t(`rosters.source.${shift.source}`)}</Tag>}
          </div>
          <ul className="on-duty-card__people">
            {shift.members.map((person) => (
              <li key={person.id}>
                <DutyPerson person={person} lead={person.id === shift.leadId} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Card>
  );
}

/** A cluster's group on one line: who leads it now and how to call them. */
function ClusterDutyRow({ entry }: { entry: GroupOnDutyDto }) {
  const { t } = useTranslation();
  const shift = entry.shifts[0];
  const lead = shift?.members.find((person) => person.id === shift.leadId);
  return (
    <li className="cluster-duty" data-testid={`on-duty-card-${entry.group.id}`}>
      <span className="cluster-duty__name">{entry.group.name}</span>
      {lead ? <DutyPerson person={lead} lead /> : <span className="on-duty-card__nobody">{t('rosters.nobody')}</span>}
    </li>
  );
}

/** Open when the clusters are few (a cluster's own staff); folded when the department sees all of them. */
const CLUSTERS_SHOWN_OPEN = 6;

/**
 * "Đang trực": the department's tổ trực and leadership duty as cards (whom to call first), then the
 * clusters' groups as one line each.
 */
export function OnDutyNow() {
  const { t } = useTranslation();
  const now = useOnDutyNow();
  if (now.isLoading) return <Skeleton active />;
  if (now.isError) return <Alert type="error" showIcon title={t('rosters.loadFailed')} description={now.error.message} />;
  const groups = now.data?.groups ?? [];
  if (groups.length === 0) return <Empty description={t('rosters.nowEmpty')} />;
  const byName = (a: GroupOnDutyDto, b: GroupOnDutyDto) => a.group.name.localeCompare(b.group.name, 'vi');
  const main = groups.filter((entry) => entry.group.kind !== 'cluster').sort((a, b) => (a.group.kind === 'department' ? -1 : b.group.kind === 'department' ? 1 : byName(a, b)));
  const clusters = groups.filter((entry) => entry.group.kind === 'cluster').sort(byName);
  return (
    <div data-testid="on-duty-now">
      <div className="on-duty-grid">
        {main.map((entry) => (
          <GroupCard key={entry.group.id} entry={entry} />
        ))}
      </div>
      {clusters.length > 0 && (
        <Collapse
          className="cluster-duty-list"
          size="small"
          defaultActiveKey={clusters.length <= CLUSTERS_SHOWN_OPEN ? ['clusters'] : []}
          items={[
            {
              key: 'clusters',
              label: t('rosters.clustersNow', { count: clusters.length }),
              forceRender: true,
              children: (
                <ul className="cluster-duty__rows">
                  {clusters.map((entry) => (
                    <ClusterDutyRow key={entry.group.id} entry={entry} />
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
