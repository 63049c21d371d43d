import { ROSTER_LIMITS, type StaffedShiftDto } from '@netduty/contracts';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { isoToWallClock, wallClockToIso } from '../../event-periods/lib/event-period-form';
import { useAddOverride } from '../hooks/use-rosters';
import { AdjustmentDrawer, useSaveAdjustment } from './adjustment-drawer';

interface CoverValues {
  startsAt: string;
  endsAt: string;
  memberIds: string[];
  leadId: string | null;
}

const FIELDS = ['startsAt', 'endsAt', 'memberIds', 'leadId'] as const;
/** A problem with one member (`memberIds.2`) shows on the members' picker. */
const MEMBER_FIELDS: Record<string, 'memberIds'> = Object.fromEntries(Array.from({ length: ROSTER_LIMITS.membersPerCrew }, (_, index) => [`memberIds.${index}`, 'memberIds']));

/**
 * "Cover this shift" (thay ca): another crew stands the shift, or part of it. The shift's hours and crew
 * are filled in; the api checks the override with the roster's rules and names the field that is wrong.
 */
export function CoverShiftDrawer({
  groupId,
  shift,
  people,
  nameOf,
  onClose,
}: {
  groupId: string;
  shift: StaffedShiftDto;
  people: { value: string; label: string }[];
  nameOf: (id: string) => string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CoverValues>();
  const save = useAddOverride();
  const saveOverride = useSaveAdjustment(save, form, FIELDS, onClose, MEMBER_FIELDS);
  const members = Form.useWatch('memberIds', form) ?? [];

  const submit = (values: CoverValues) => {
    const override = { startsAt: wallClockToIso(values.startsAt), endsAt: wallClockToIso(values.endsAt), memberIds: values.memberIds, leadId: values.leadId ?? '' };
    saveOverride({ groupId, override });
  };

  return (
    <AdjustmentDrawer kind="cover" shift={shift} form={form} pending={save.isPending} onClose={onClose}>
      <Form<CoverValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={save.isPending}
        initialValues={{ startsAt: isoToWallClock(shift.startsAt), endsAt: isoToWallClock(shift.endsAt), memberIds: shift.memberIds, leadId: shift.leadId }}
        onValuesChange={(changed: Partial<CoverValues>, all: CoverValues) => {
          if (changed.memberIds && all.leadId && !changed.memberIds.includes(all.leadId)) form.setFieldValue('leadId', null);
        }}
      >
        <div className="roster-adjust__times">
          <Form.Item name="startsAt" label={t('rosters.adjust.startsAt')} rules={[{ required: true, message: t('rosters.adjust.timeRequired') }]}>
            <Input type="datetime-local" data-testid="cover-starts-at" />
          </Form.Item>
          <Form.Item name="endsAt" label={t('rosters.adjust.endsAt')} rules={[{ required: true, message: t('rosters.adjust.timeRequired') }]}>
            <Input type="datetime-local" data-testid="cover-ends-at" />
          </Form.Item>
        </div>
        <Form.Item name="memberIds" label={t('rosters.adjust.members')} rules={[{ required: true, type: 'array', min: 1, message: t('rosters.adjust.membersRequired') }]}>
          <Select mode="multiple" options={people} showSearch={{ optionFilterProp: 'label' }} maxCount={ROSTER_LIMITS.membersPerCrew} data-testid="cover-members" />
        </Form.Item>
        <Form.Item name="leadId" label={t('rosters.adjust.lead')} rules={[{ required: true, message: t('rosters.adjust.leadRequired') }]}>
          <Select options={members.map((id) => ({ value: id, label: nameOf(id) }))} data-testid="cover-lead" />
        </Form.Item>
      </Form>
    </AdjustmentDrawer>
  );
}
