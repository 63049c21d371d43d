import type { OnDutyGroupDto, StaffedShiftDto } from '@netduty/contracts';
import type { UseMutationResult } from '@tanstack/react-query';
import { App, Button, Drawer, Space, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLayoutSize } from '../../../lib/use-layout-size';
import { useFormProblems } from '../../admin/hooks/use-form-problems';
import { shiftLabel } from '../lib/week';
import type { ShiftAdjustment } from './shift-actions';

/**
 * The save of a shift adjustment's form: on success a message and the panel closes; the api's field
 * problems go on the form's fields (`rename` as for useFormProblems), anything else is notified.
 */
export function useSaveAdjustment<V, F extends string>(
  mutation: UseMutationResult<OnDutyGroupDto, Error, V>,
  form: FormInstance,
  fields: readonly F[],
  onClose: () => void,
  rename?: Partial<Record<string, F>>,
): (variables: V) => void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useFormProblems(form, fields, rename);
  return (variables) =>
    mutation.mutate(variables, {
      onSuccess: () => {
        void message.success(t('rosters.adjust.saved'));
        onClose();
      },
      onError,
    });
}

/** The frame of a shift adjustment's form: the whole width on a phone, a side panel on a wider screen. */
export function AdjustmentDrawer({
  kind,
  shift,
  form,
  pending,
  onClose,
  children,
}: {
  kind: ShiftAdjustment;
  shift: Pick<StaffedShiftDto, 'startsAt' | 'endsAt'>;
  form: FormInstance;
  pending: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { phone } = useLayoutSize();
  const testId = `${kind}-shift`;
  return (
    <Drawer
      open
      onClose={onClose}
      title={t(`rosters.adjust.${kind}Title`, { time: shiftLabel(shift) })}
      size={phone ? '100%' : 440}
      rootClassName="roster-adjust"
      footer={
        <Space className="drawer-footer">
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button type="primary" loading={pending} onClick={() => form.submit()} data-testid={`${testId}-save`}>
            {t('rosters.adjust.save')}
          </Button>
        </Space>
      }
      data-testid={testId}
    >
      <p className="roster-adjust__hint">{t(`rosters.adjust.${kind}Hint`)}</p>
      {children}
    </Drawer>
  );
}
