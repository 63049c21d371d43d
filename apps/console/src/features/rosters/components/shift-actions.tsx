import { MoreOutlined } from '@ant-design/icons';
import type { OnDutyGroupDto, StaffedShiftDto } from '@netduty/contracts';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../../lib/use-notify-error';
import { useRemoveAdjustment } from '../hooks/use-rosters';
import { swapsOf } from '../lib/roster-adjustments';
import { shiftLabel } from '../lib/week';

export type ShiftAdjustment = 'cover' | 'swap';

/**
 * A shift's adjustments for the on-duty group: cover it, swap one of its people (rotation shifts only),
 * or take back the cover or a swap it carries (after a confirmation).
 */
export function ShiftActions({
  group,
  shift,
  nameOf,
  onAdjust,
}: {
  group: OnDutyGroupDto;
  shift: StaffedShiftDto;
  nameOf: (id: string) => string;
  onAdjust: (kind: ShiftAdjustment, shift: StaffedShiftDto) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const remove = useRemoveAdjustment();
  const time = shiftLabel(shift);

  const confirmRemoval = (list: 'overrides' | 'swaps', id: string, content: string) => {
    modal.confirm({
      title: t('rosters.adjust.removeTitle'),
      content,
      okText: t('rosters.adjust.remove'),
      okButtonProps: { danger: true },
      cancelText: t('actions.cancel'),
      onOk: () =>
        remove.mutateAsync({ groupId: group.id, list, id }).then(
          () => void message.success(t('rosters.adjust.removed')),
          (error: unknown) => notifyError(error),
        ),
    });
  };

  const items: NonNullable<MenuProps['items']> = [{ key: 'cover', label: t('rosters.adjust.cover'), onClick: () => onAdjust('cover', shift) }];
  if (shift.templateId !== null && shift.scheduledStartsAt !== null) {
    items.push({ key: 'swap', label: t('rosters.adjust.swap'), onClick: () => onAdjust('swap', shift) });
  }
  if (shift.source === 'override') {
    items.push({
      key: 'remove-override',
      danger: true,
      label: t('rosters.adjust.removeOverride'),
      onClick: () => confirmRemoval('overrides', shift.sourceId, t('rosters.adjust.removeOverrideBody', { time })),
    });
  }
  for (const swap of swapsOf(group, shift)) {
    const names = { outgoing: nameOf(swap.outgoingUserId), incoming: nameOf(swap.incomingUserId) };
    items.push({
      key: `remove-swap-${swap.id}`,
      danger: true,
      label: t('rosters.adjust.removeSwap', names),
      onClick: () => confirmRemoval('swaps', swap.id, t('rosters.adjust.removeSwapBody', { ...names, time })),
    });
  }

  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button size="small" type="text" icon={<MoreOutlined />} aria-label={`${t('rosters.adjust.menu')} ${time}`} data-testid="shift-actions" />
    </Dropdown>
  );
}
