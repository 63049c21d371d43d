import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { OnDutyGroupDto, UserDto } from '@netduty/contracts';
import { Alert, App, Button, DatePicker, Divider, List, Modal, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_TIME_FORMAT, DISPLAY_TIME_ZONE, dayjs, formatDateTime } from '../../../lib/date-time';
import { useNotifyError } from '../../../lib/use-notify-error';
import { useUsers } from '../../admin/hooks/use-admin';
import type { StaffedShiftDto } from '@netduty/contracts';
import { useReplaceRoster } from '../hooks/use-rosters';
import { rosterCandidates, withOverride, withoutOverride, withoutSwap, withSwap } from '../lib/roster-adjustments';
import { shiftLabel } from '../lib/week';

/** A picked wall-clock time read in the province's zone, whatever the browser's own zone is. */
function provinceInstant(value: dayjs.Dayjs): string {
  return dayjs.tz(value.format('YYYY-MM-DD HH:mm'), DISPLAY_TIME_ZONE).toISOString();
}

/**
 * Overrides (thay ca) and swaps (đổi ca) of one group, edited as a draft and saved whole (PUT): the api
 * checks the roster and names what is wrong.
 */
export function RosterEditor({ group, shifts, open, onClose }: { group: OnDutyGroupDto; shifts: StaffedShiftDto[]; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const users = useUsers();
  const save = useReplaceRoster();
  const [draft, setDraft] = useState<OnDutyGroupDto>(group);
  const [period, setPeriod] = useState<[dayjs.Dayjs, dayjs.Dayjs] | null>(null);
  const [members, setMembers] = useState<string[]>([]);
  const [lead, setLead] = useState<string | null>(null);
  const [swapShift, setSwapShift] = useState<string | null>(null);
  const [outgoing, setOutgoing] = useState<string | null>(null);
  const [incoming, setIncoming] = useState<string | null>(null);

  const candidates = useMemo(() => rosterCandidates(users.data ?? []), [users.data]);
  const nameOf = useMemo(() => {
    const names = new Map<string, string>((users.data ?? []).map((user: UserDto) => [user.id, user.displayName]));
    for (const shift of shifts) for (const person of shift.members) names.set(person.id, person.displayName);
    return (id: string) => names.get(id) ?? id;
  }, [users.data, shifts]);
  const personOptions = candidates.map((user) => ({ value: user.id, label: user.displayName }));
  const rotationShifts = shifts.filter((shift) => shift.source === 'rotation' && shift.templateId !== null);
  const chosenShift = rotationShifts.find((shift) => `${shift.templateId}|${shift.scheduledStartsAt}` === swapShift);

  const addOverride = () => {
    if (!period || members.length === 0 || !lead) {
      void message.warning(t('rosters.editor.incomplete'));
      return;
    }
    setDraft((current) => withOverride(current, { startsAt: provinceInstant(period[0]), endsAt: provinceInstant(period[1]), memberIds: members, leadId: lead }));
    setPeriod(null);
    setMembers([]);
    setLead(null);
  };

  const addSwap = () => {
    if (!chosenShift || !outgoing || !incoming) {
      void message.warning(t('rosters.editor.incomplete'));
      return;
    }
    const next = withSwap(draft, chosenShift, outgoing, incoming);
    if (next) setDraft(next);
    setSwapShift(null);
    setOutgoing(null);
    setIncoming(null);
  };

  const submit = async () => {
    try {
      await save.mutateAsync(draft);
      void message.success(t('rosters.editor.saved'));
      onClose();
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('rosters.editor.title', { group: group.name })}
      width={760}
      okText={t('rosters.editor.save')}
      cancelText={t('actions.cancel')}
      onOk={() => void submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      data-testid="roster-editor"
    >
      {users.isError && <Alert type="warning" showIcon title={users.error.message} />}
      <Divider titlePlacement="start">{t('rosters.editor.overrides')}</Divider>
      <List
        size="small"
        dataSource={draft.overrides}
        locale={{ emptyText: t('rosters.editor.empty') }}
        renderItem={(override) => (
          <List.Item
            actions={[
              <Button key="remove" size="small" icon={<DeleteOutlined />} onClick={() => setDraft((current) => withoutOverride(current, override.id))} aria-label={t('rosters.editor.remove')} />,
            ]}
            data-testid="roster-override"
          >
            {formatDateTime(override.startsAt)} – {formatDateTime(override.endsAt)} · {override.memberIds.map(nameOf).join(', ')} ({t('rosters.lead')}: {nameOf(override.leadId)})
          </List.Item>
        )}
      />
      <Space wrap className="roster-editor__form">
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format={DATE_TIME_FORMAT}
          value={period}
          onChange={(range) => setPeriod(range?.[0] && range[1] ? [range[0], range[1]] : null)}
          aria-label={t('rosters.editor.period')}
        />
        <Select
          mode="multiple"
          className="roster-editor__people"
          placeholder={t('rosters.editor.members')}
          options={personOptions}
          value={members}
          onChange={(value: string[]) => {
            setMembers(value);
            if (lead && !value.includes(lead)) setLead(null);
          }}
          optionFilterProp="label"
        />
        <Select
          className="roster-editor__lead"
          placeholder={t('rosters.editor.lead')}
          options={members.map((id) => ({ value: id, label: nameOf(id) }))}
          value={lead}
          onChange={(value: string) => setLead(value)}
        />
        <Button icon={<PlusOutlined />} onClick={addOverride}>
          {t('rosters.editor.addOverride')}
        </Button>
      </Space>

      <Divider titlePlacement="start">{t('rosters.editor.swaps')}</Divider>
      <List
        size="small"
        dataSource={draft.swaps}
        locale={{ emptyText: t('rosters.editor.empty') }}
        renderItem={(swap) => (
          <List.Item
            actions={[<Button key="remove" size="small" icon={<DeleteOutlined />} onClick={() => setDraft((current) => withoutSwap(current, swap.id))} aria-label={t('rosters.editor.remove')} />]}
            data-testid="roster-swap"
          >
            {formatDateTime(swap.occurrenceStartsAt)} · {nameOf(swap.outgoingUserId)} → {nameOf(swap.incomingUserId)}
          </List.Item>
        )}
      />
      <Space wrap className="roster-editor__form">
        <Select
          className="roster-editor__shift"
          placeholder={t('rosters.editor.shift')}
          options={rotationShifts.map((shift) => ({
            value: `${shift.templateId}|${shift.scheduledStartsAt}`,
            label: shiftLabel(shift),
          }))}
          value={swapShift}
          onChange={(value: string) => {
            setSwapShift(value);
            setOutgoing(null);
          }}
        />
        <Select
          className="roster-editor__lead"
          placeholder={t('rosters.editor.outgoing')}
          options={(chosenShift?.memberIds ?? []).map((id) => ({ value: id, label: nameOf(id) }))}
          value={outgoing}
          onChange={(value: string) => setOutgoing(value)}
        />
        <Select
          className="roster-editor__lead"
          placeholder={t('rosters.editor.incoming')}
          options={personOptions.filter((option) => !chosenShift?.memberIds.includes(option.value))}
          value={incoming}
          onChange={(value: string) => setIncoming(value)}
          optionFilterProp="label"
          showSearch
        />
        <Button icon={<PlusOutlined />} onClick={addSwap}>
          {t('rosters.editor.addSwap')}
        </Button>
      </Space>
    </Modal>
  );
}
