import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/http';
import { useNotifyError } from '../../../lib/use-notify-error';
import { useChangeChain, type ChainChange } from '../hooks/use-escalation';
import { chainRefusalReason, type ChainRefusalReason } from '../lib/chain-refusal';

/** The reason travels to the timeline and the audit log; the api caps it the same. */
export const CHAIN_REASON_MAX_LENGTH = 500;

interface ChainChangeValues {
  targetLevel: number;
  reason: string;
}

export interface ChainChangeModalProps {
  incidentId: string;
  reference: string;
  direction: ChainChange['direction'] | null;
  levels: { value: number; label: string }[];
  onClose: () => void;
}

/** "Chuyển cấp ngay" / "Hạ cấp": a level and a reason (required); a refusal (409) is worded inside the dialog. */
export function ChainChangeModal({ incidentId, reference, direction, levels, onClose }: ChainChangeModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<ChainChangeValues>();
  const change = useChangeChain(incidentId);
  const [refusal, setRefusal] = useState<ChainRefusalReason | null>(null);

  const close = () => {
    form.resetFields();
    setRefusal(null);
    change.reset();
    onClose();
  };

  const submit = (values: ChainChangeValues) => {
    if (!direction) return;
    setRefusal(null);
    change.mutate(
      { direction, targetLevel: values.targetLevel, reason: values.reason.trim() },
      {
        onSuccess: () => {
          void message.success(t(direction === 'escalate' ? 'chain.escalated' : 'chain.deEscalated', { reference, level: values.targetLevel }));
          close();
        },
        onError: (error) => {
          const reason = isApiError(error) ? chainRefusalReason(error.body) : null;
          if (reason) setRefusal(reason);
          else notifyError(error);
        },
      },
    );
  };

  return (
    <Modal
      open={direction !== null}
      title={t(direction === 'de-escalate' ? 'chain.deEscalateTitle' : 'chain.escalateTitle', { reference })}
      okText={t(direction === 'de-escalate' ? 'chain.deEscalate' : 'chain.escalateNow')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ danger: direction === 'escalate', loading: change.isPending }}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      rootClassName="chain-change-modal"
    >
      {refusal && <Alert type="error" showIcon className="chain-refusal" title={t(`chain.refusal.${refusal}`)} data-testid="chain-refusal" />}
      <Form<ChainChangeValues> form={form} layout="vertical" onFinish={submit} disabled={change.isPending} initialValues={{ targetLevel: levels[0]?.value }}>
        <Form.Item name="targetLevel" label={t('chain.targetLevel')} rules={[{ required: true, message: t('chain.targetLevelRequired') }]}>
          <Select options={levels} data-testid="chain-target-level" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('chain.reason')}
          rules={[
            { required: true, whitespace: true, message: t('chain.reasonRequired') },
            { max: CHAIN_REASON_MAX_LENGTH, message: t('validation.nameTooLong', { max: CHAIN_REASON_MAX_LENGTH }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={CHAIN_REASON_MAX_LENGTH} showCount data-testid="chain-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
