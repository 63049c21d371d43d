import { EditOutlined } from '@ant-design/icons';
import type { PriorityTier, Severity, SlaPolicyDto } from '@netduty/contracts';
import { PRIORITY_TIERS, SEVERITIES } from '@netduty/contracts';
import { MAX_SLA_SECONDS, slaWindowProblems } from '@netduty/domain';
import { Alert, App, Button, Form, InputNumber, Modal, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../lib/countdown';
import { describeFieldProblem } from '../../../lib/field-problem';
import { isApiError } from '../../../lib/http';
import { useNotifyError } from '../../../lib/use-notify-error';
import { useSlaPolicies, useUpdateSlaPolicy } from '../hooks/use-duty-admin';
import { problemsOnForm } from '../lib/form-problems';

interface SlaValues {
  acknowledgeMinutes: number;
  restoreMinutes: number;
}

function slaPath(field: string): ['acknowledgeMinutes'] | ['restoreMinutes'] | null {
  if (field === 'acknowledgeSeconds') return ['acknowledgeMinutes'];
  if (field === 'restoreSeconds') return ['restoreMinutes'];
  return null;
}

function SlaPolicyModal({ policy, onClose }: { policy: SlaPolicyDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<SlaValues>();
  const update = useUpdateSlaPolicy();

  useEffect(() => {
    if (policy) form.setFieldsValue({ acknowledgeMinutes: policy.acknowledgeSeconds / 60, restoreMinutes: policy.restoreSeconds / 60 });
  }, [policy, form]);

  // The title keeps the cell it was opened for while the dialog closes.
  const shown = useRef(policy);
  if (policy) shown.current = policy;
  const titled = shown.current;
  const labels = titled ? { severity: t(`severity.${titled.severity}`), priority: titled.priority } : { severity: '', priority: '' };
  const place = (problems: Parameters<typeof problemsOnForm>[0]) => {
    const { onForm } = problemsOnForm(problems, slaPath, (problem) => describeFieldProblem(t, problem));
    form.setFields(onForm);
    return onForm.length > 0;
  };

  const submit = (values: SlaValues) => {
    if (!policy) return;
    const window = { acknowledgeSeconds: Math.round(values.acknowledgeMinutes * 60), restoreSeconds: Math.round(values.restoreMinutes * 60) };
    if (place(slaWindowProblems(window))) return;
    update.mutate(
      { severity: policy.severity, priority: policy.priority, ...window },
      {
        onSuccess: () => {
          notification.success({ title: t('dutyAdmin.sla.saved', labels) });
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.body.fields && place(error.body.fields)) return;
          notifyError(error);
        },
      },
    );
  };

  return (
    <Modal
      open={policy !== null}
      title={t('dutyAdmin.sla.editTitle', labels)}
      okText={t('admin.save')}
      cancelText={t('actions.cancel')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      rootClassName="sla-policy-modal"
    >
      <Form<SlaValues> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="acknowledgeMinutes" label={t('dutyAdmin.sla.acknowledgeMinutes')} rules={[{ required: true, message: t('dutyAdmin.sites.required') }]}>
          <InputNumber min={1 / 60} max={MAX_SLA_SECONDS / 60} step={1} className="full-width" data-testid="sla-acknowledge-minutes" />
        </Form.Item>
        <Form.Item name="restoreMinutes" label={t('dutyAdmin.sla.restoreMinutes')} rules={[{ required: true, message: t('dutyAdmin.sites.required') }]}>
          <InputNumber min={1 / 60} max={MAX_SLA_SECONDS / 60} step={5} className="full-width" data-testid="sla-restore-minutes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface SlaRow {
  severity: Severity;
  cells: Partial<Record<PriorityTier, SlaPolicyDto>>;
}

/** The 4×3 SLA table (severity × priority tier), each cell editable. */
export function SlaPoliciesTab() {
  const { t } = useTranslation();
  const policies = useSlaPolicies();
  const [editing, setEditing] = useState<SlaPolicyDto | null>(null);

  const rows = useMemo<SlaRow[]>(
    () =>
      SEVERITIES.map((severity) => ({
        severity,
        cells: Object.fromEntries((policies.data ?? []).filter((policy) => policy.severity === severity).map((policy) => [policy.priority, policy])),
      })),
    [policies.data],
  );

  const columns: ColumnsType<SlaRow> = [
    { key: 'severity', title: t('dutyAdmin.sla.severity'), render: (_, row) => <strong>{t(`severity.${row.severity}`)}</strong> },
    ...PRIORITY_TIERS.map((tier) => ({
      key: tier,
      title: tier,
      render: (_: unknown, row: SlaRow) => {
        const policy = row.cells[tier];
        if (!policy) return <span className="muted">—</span>;
        return (
          <Button
            type="link"
            icon={<EditOutlined />}
            className="sla-cell"
            onClick={() => setEditing(policy)}
            data-testid={`sla-cell-${row.severity}-${tier}`}
          >
            {t('dutyAdmin.sla.cell', { acknowledge: formatDuration(t, policy.acknowledgeSeconds), restore: formatDuration(t, policy.restoreSeconds) })}
          </Button>
        );
      },
    })),
  ];

  return (
    <div data-testid="sla-policies-tab">
      <Alert type="info" showIcon className="tab-intro" title={t('dutyAdmin.sla.intro')} />
      <Table<SlaRow> size="small" rowKey="severity" columns={columns} dataSource={rows} loading={policies.isLoading} pagination={false} scroll={{ x: 'max-content' }} />
      <SlaPolicyModal policy={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
