import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { EventPeriodDto } from '@netduty/contracts';
import { Button, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/date-time';
import { useNow } from '../../../lib/use-now';
import { useEventPeriods } from '../hooks/use-event-periods';
import { EventPeriodDrawer, type EventPeriodEditing } from './event-period-drawer';

type PeriodPhase = 'active' | 'upcoming' | 'past';

function phaseOf(period: EventPeriodDto, nowMs: number): PeriodPhase {
  if (nowMs >= Date.parse(period.endsAt)) return 'past';
  return nowMs >= Date.parse(period.startsAt) ? 'active' : 'upcoming';
}

const PHASE_COLOR: Readonly<Record<PeriodPhase, string>> = { active: 'volcano', upcoming: 'gold', past: 'default' };

/** The event periods (congress days): when, how many P0 sites, SLA factor; a drawer edits one. */
export function EventPeriodsTab() {
  const { t } = useTranslation();
  const periods = useEventPeriods();
  const now = useNow();
  const [editing, setEditing] = useState<EventPeriodEditing>(null);

  const columns: ColumnsType<EventPeriodDto> = [
    { key: 'name', title: t('dutyAdmin.events.name'), render: (_, period) => <strong>{period.name}</strong> },
    {
      key: 'phase',
      title: '',
      render: (_, period) => {
        const phase = phaseOf(period, now);
        return <Tag color={PHASE_COLOR[phase]}>{t(`dutyAdmin.events.${phase}`)}</Tag>;
      },
    },
    { key: 'period', title: t('dutyAdmin.events.period'), render: (_, period) => `${formatDateTime(period.startsAt)} – ${formatDateTime(period.endsAt)}` },
    { key: 'sites', title: t('dutyAdmin.events.p0SitesColumn'), render: (_, period) => period.p0SiteIds.length },
    { key: 'factor', title: t('dutyAdmin.events.slaFactor'), render: (_, period) => period.slaFactor ?? '—' },
    {
      key: 'actions',
      title: '',
      align: 'right',
      render: (_, period) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ period })} data-testid="event-edit" data-event-name={period.name}>
          {t('dutyAdmin.edit')}
        </Button>
      ),
    },
  ];

  return (
    <div className="admin-tab" data-testid="event-periods-tab">
      <div className="admin-toolbar">
        <span className="admin-toolbar__spacer" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ period: null })} data-testid="event-create">
          {t('dutyAdmin.events.create')}
        </Button>
      </div>
      <Table<EventPeriodDto>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={periods.data ?? []}
        loading={periods.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <EventPeriodDrawer editing={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
