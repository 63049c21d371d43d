import { EditOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { DEPARTMENT_DUTY_GROUP_ID, type StaffedShiftDto } from '@netduty/contracts';
import { Alert, Button, Card, Select, Skeleton, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/date-time';
import { useCurrentUser, usePermissions } from '../../auth/hooks/use-session';
import { hasPermission } from '../../auth/lib/access';
import { useOnDutyGroups, useOnDutyNow, useRosterCandidates, useShifts } from '../hooks/use-rosters';
import { weekDays, weekStart } from '../lib/week';
import { CoverShiftDrawer } from './cover-shift-drawer';
import { HandoverPanel } from './handover-panel';
import { OnDutyNow } from './on-duty-now';
import { RosterEditor } from './roster-editor';
import { ShiftActions, type ShiftAdjustment } from './shift-actions';
import { SwapShiftDrawer } from './swap-shift-drawer';
import { WeekView } from './week-view';
import '../rosters.css';
import { i18n } from '../../../i18n/i18n';
import { registerOnDutyStrings } from '../../../i18n/register-on-duty-strings';

// This area's strings load with it, not in the first load.
registerOnDutyStrings(i18n);

/**
 * /rosters: who is on duty now, a group's week, its overrides and swaps, and its handover sheets. The
 * on-duty group (roster.adjust) covers or swaps a shift from the week itself; admins also edit the
 * roster's overrides and swaps whole.
 */
export function RostersPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const permissions = usePermissions();
  const groups = useOnDutyGroups();
  const now = useOnDutyNow();
  const [chosen, setChosen] = useState<string | null>(null);
  const [weekOffset, setWeekOffset] = useState(0);
  const [editing, setEditing] = useState(false);
  const [adjusting, setAdjusting] = useState<{ kind: ShiftAdjustment; shift: StaffedShiftDto } | null>(null);
  // The week follows the page's opening time; "this week" brings it back.
  const [openedAt] = useState(() => Date.now());

  const list = groups.data ?? [];
  const groupId = chosen ?? list.find((group) => group.id === DEPARTMENT_DUTY_GROUP_ID)?.id ?? list[0]?.id ?? null;
  const group = list.find((candidate) => candidate.id === groupId) ?? null;
  const start = useMemo(() => weekStart(openedAt, weekOffset), [openedAt, weekOffset]);
  const days = useMemo(() => weekDays(start), [start]);
  const from = start.toISOString();
  const to = start.add(7, 'day').toISOString();
  const shifts = useShifts(groupId, from, to);
  const currentShift = now.data?.groups.find((entry) => entry.group.id === groupId)?.shifts[0] ?? null;
  const canEdit = hasPermission(permissions, 'organisation.manage');
  const canAdjust = hasPermission(permissions, 'roster.adjust');
  const candidates = useRosterCandidates(groupId, canAdjust);
  const { people, nameOf } = useMemo(() => {
    const names = new Map<string, string>();
    for (const shift of shifts.data ?? []) for (const person of shift.members) names.set(person.id, person.displayName);
    for (const person of candidates.data ?? []) names.set(person.id, person.displayName);
    return {
      people: [...names].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'vi')),
      nameOf: (id: string) => names.get(id) ?? id,
    };
  }, [shifts.data, candidates.data]);
  const adjustingSwap = adjusting?.kind === 'swap' ? rotationShift(adjusting.shift) : null;

  return (
    <div className="rosters-page" data-testid="rosters-page">
      <h2 className="rosters-page__title">{t('rosters.title')}</h2>
      <section className="rosters-page__section" aria-labelledby="rosters-now">
        <h3 id="rosters-now">{t('rosters.nowTitle')}</h3>
        <OnDutyNow />
      </section>

      <section className="rosters-page__section" aria-labelledby="rosters-week">
        <h3 id="rosters-week">{t('rosters.weekTitle')}</h3>
        {groups.isError && <Alert type="error" showIcon title={t('rosters.loadFailed')} description={groups.error.message} />}
        <div className="rosters-toolbar">
          <Select
            className="rosters-toolbar__group"
            aria-label={t('rosters.group')}
            loading={groups.isLoading}
            value={groupId}
            onChange={(value: string) => setChosen(value)}
            options={list.map((candidate) => ({ value: candidate.id, label: `${candidate.name} · ${t(`rosters.kind.${candidate.kind}`)}` }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="rosters-group"
          />
          <Space.Compact>
            <Button icon={<LeftOutlined />} onClick={() => setWeekOffset((offset) => offset - 1)} aria-label={t('rosters.previousWeek')} />
            <Button onClick={() => setWeekOffset(0)}>{t('rosters.thisWeek')}</Button>
            <Button icon={<RightOutlined />} onClick={() => setWeekOffset((offset) => offset + 1)} aria-label={t('rosters.nextWeek')} />
          </Space.Compact>
          <span className="rosters-toolbar__week">{t('rosters.week', { from: formatDateTime(from, 'DD/MM'), to: formatDateTime(start.add(6, 'day').toISOString(), 'DD/MM/YYYY') })}</span>
          {canEdit && group && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="roster-edit">
              {t('rosters.editor.open')}
            </Button>
          )}
        </div>
        {shifts.isError && <Alert type="error" showIcon title={t('rosters.loadFailed')} description={shifts.error.message} />}
        {(groups.isLoading || shifts.isLoading) && <Skeleton active />}
        {group && shifts.data && (
          <WeekView
            group={group}
            days={days}
            shifts={shifts.data}
            nowMs={Date.now()}
            actions={canAdjust ? (shift) => <ShiftActions group={group} shift={shift} nameOf={nameOf} onAdjust={(kind, chosen) => setAdjusting({ kind, shift: chosen })} /> : undefined}
          />
        )}
      </section>

      {group && user && (
        <section className="rosters-page__section" aria-labelledby="rosters-handover">
          <h3 id="rosters-handover">{t('rosters.handover.title')}</h3>
          <Card size="small">
            <HandoverPanel key={group.id} group={group} user={user} currentShift={currentShift} />
          </Card>
        </section>
      )}
      {group && adjusting?.kind === 'cover' && <CoverShiftDrawer groupId={group.id} shift={adjusting.shift} people={people} nameOf={nameOf} onClose={() => setAdjusting(null)} />}
      {group && adjustingSwap && <SwapShiftDrawer groupId={group.id} shift={adjustingSwap} people={people} onClose={() => setAdjusting(null)} />}
      {editing && group && <RosterEditor key={group.id} group={group} shifts={shifts.data ?? []} open={editing} onClose={() => setEditing(false)} />}
    </div>
  );
}

/** A rotation's shift, the only kind a swap can name. */
function rotationShift(shift: StaffedShiftDto): (StaffedShiftDto & { templateId: string; scheduledStartsAt: string }) | null {
  const { templateId, scheduledStartsAt } = shift;
  return templateId !== null && scheduledStartsAt !== null ? { ...shift, templateId, scheduledStartsAt } : null;
}
