import type { StaffedShiftDto } from '@netduty/contracts';
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAddSwap } from '../hooks/use-rosters';
import { AdjustmentDrawer, useSaveAdjustment } from './adjustment-drawer';

interface SwapValues {
  outgoingUserId: string;
  incomingUserId: string;
}

const FIELDS = ['outgoingUserId', 'incomingUserId'] as const;

/** "Swap" (đổi ca) on a rotation's shift: one of its people stands down, someone not on it stands in. */
export function SwapShiftDrawer({
  groupId,
  shift,
  people,
  onClose,
}: {
  groupId: string;
  shift: StaffedShiftDto & { templateId: string; scheduledStartsAt: string };
  people: { value: string; label: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SwapValues>();
  const save = useAddSwap();
  const saveSwap = useSaveAdjustment(save, form, FIELDS, onClose);
  const submit = (values: SwapValues) => saveSwap({ groupId, swap: { templateId: shift.templateId, occurrenceStartsAt: shift.scheduledStartsAt, ...values } });

  return (
    <AdjustmentDrawer kind="swap" shift={shift} form={form} pending={save.isPending} onClose={onClose}>
      <Form<SwapValues> form={form} layout="vertical" onFinish={submit} disabled={save.isPending}>
        <Form.Item name="outgoingUserId" label={t('rosters.adjust.outgoing')} rules={[{ required: true, message: t('rosters.adjust.outgoingRequired') }]}>
          <Select options={shift.members.map((person) => ({ value: person.id, label: person.displayName }))} data-testid="swap-outgoing" />
        </Form.Item>
        <Form.Item name="incomingUserId" label={t('rosters.adjust.incoming')} rules={[{ required: true, message: t('rosters.adjust.incomingRequired') }]}>
          <Select options={people.filter((option) => !shift.memberIds.includes(option.value))} showSearch={{ optionFilterProp: 'label' }} data-testid="swap-incoming" />
        </Form.Item>
      </Form>
    </AdjustmentDrawer>
  );
}
