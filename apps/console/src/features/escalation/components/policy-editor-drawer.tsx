import { PlusOutlined } from '@ant-design/icons';
import type { EscalationPolicyDto } from '@netduty/contracts';
import { ESCALATION_POLICY_LIMITS, PRIORITY_TIERS } from '@netduty/contracts';
import { policyProblems } from '@netduty/domain';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeFieldProblem } from '../../../lib/field-problem';
import { isApiError } from '../../../lib/http';
import { useLayoutSize } from '../../../lib/use-layout-size';
import { useNotifyError } from '../../../lib/use-notify-error';
import { useUsers } from '../../admin/hooks/use-admin';
import { problemsOnForm } from '../../admin/lib/form-problems';
import { useOperators } from '../../reference/hooks/use-reference-data';
import { useOnDutyGroups, useSaveEscalationPolicy } from '../hooks/use-escalation';
import { ANY, EMPTY_LEVEL, policyDefinition, policyValues, problemPath, type PolicyValues } from '../lib/policy-form';
import { PolicyLevelFields } from './policy-level-fields';

export type PolicyEditing = { policy: EscalationPolicyDto | null } | null;

/** Create or replace an escalation policy: scope (operator, tier), levels with waits and recipients, repeat. */
export function PolicyEditorDrawer({ editing, onClose }: { editing: PolicyEditing; onClose: () => void }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const notifyError = useNotifyError();
  const { phone } = useLayoutSize();
  const [form] = Form.useForm<PolicyValues>();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const open = editing !== null;
  const users = useUsers();
  const groups = useOnDutyGroups(open);
  const operators = useOperators();
  const save = useSaveEscalationPolicy();
  const original = editing?.policy ?? null;

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(policyValues(editing.policy));
    setElsewhere([]);
  }, [editing, form]);

  /** Shows problems on their fields; true when there were any. */
  const place = (problems: Parameters<typeof problemsOnForm>[0], definition: ReturnType<typeof policyDefinition>) => {
    const placed = problemsOnForm(problems, (field) => problemPath(field, definition), (problem) => describeFieldProblem(t, problem));
    form.setFields(placed.onForm);
    setElsewhere(placed.elsewhere);
    return problems.length > 0;
  };

  const submit = (values: PolicyValues) => {
    const definition = policyDefinition(values);
    setElsewhere([]);
    if (place(policyProblems(definition), definition)) return;
    save.mutate(
      { id: original?.id ?? null, definition },
      {
        onSuccess: (saved) => {
          notification.success({ title: t('dutyAdmin.saved', { name: saved.name }) });
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.body.fields && place(error.body.fields, definition)) return;
          notifyError(error);
        },
      },
    );
  };

  const anyOption = { value: ANY, label: t('dutyAdmin.any') };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={phone ? '100%' : 640}
      forceRender
      title={original ? t('dutyAdmin.policies.editTitle', { name: original.name }) : t('dutyAdmin.policies.createTitle')}
      footer={
        <Space className="drawer-footer">
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void form.validateFields().then(submit, () => undefined)} data-testid="policy-save">
            {t('admin.save')}
          </Button>
        </Space>
      }
      rootClassName="policy-drawer"
    >
      {elsewhere.length > 0 && <Alert type="error" showIcon className="tab-intro" title={t('dutyAdmin.fixProblems')} description={elsewhere.join('; ')} />}
      <Form<PolicyValues> form={form} layout="vertical" disabled={save.isPending}>
        <Form.Item
          name="name"
          label={t('dutyAdmin.policies.name')}
          rules={[{ required: true, whitespace: true, message: t('dutyAdmin.policies.nameRequired') }]}
        >
          <Input maxLength={ESCALATION_POLICY_LIMITS.maxNameLength} data-testid="policy-name" />
        </Form.Item>
        <Space wrap className="policy-scope">
          <Form.Item name="operatorCode" label={t('dutyAdmin.policies.operator')}>
            <Select
              className="policy-scope__select"
              options={[anyOption, ...(operators.data ?? []).map((operator) => ({ value: operator.code, label: operator.name }))]}
              data-testid="policy-operator"
            />
          </Form.Item>
          <Form.Item name="priority" label={t('dutyAdmin.policies.priority')}>
            <Select className="policy-scope__select" options={[anyOption, ...PRIORITY_TIERS.map((tier) => ({ value: tier, label: tier }))]} data-testid="policy-priority" />
          </Form.Item>
          <Form.Item name="repeat" label={t('dutyAdmin.policies.repeat')}>
            <InputNumber min={0} max={ESCALATION_POLICY_LIMITS.maxRepeat} precision={0} data-testid="policy-repeat" />
          </Form.Item>
          <Form.Item name="acceptMinutes" label={t('dutyAdmin.policies.acceptMinutes')} tooltip={t('dutyAdmin.policies.acceptHint')}>
            <InputNumber min={1} max={ESCALATION_POLICY_LIMITS.maxAcceptSeconds / 60} data-testid="policy-accept" />
          </Form.Item>
        </Space>
        <Form.List name="levels">
          {(fields, { add, remove }, { errors }) => (
            <div className="policy-levels">
              {fields.map((field, index) => (
                <PolicyLevelFields
                  key={field.key}
                  index={index}
                  fieldName={field.name}
                  users={users.data ?? []}
                  groups={groups.data ?? []}
                  loadingPeople={users.isLoading || groups.isLoading}
                  onRemove={fields.length > 1 ? () => remove(field.name) : null}
                />
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                icon={<PlusOutlined />}
                disabled={fields.length >= ESCALATION_POLICY_LIMITS.maxLevels}
                onClick={() => add({ ...EMPTY_LEVEL, waitMinutes: 5, people: [], groups: [], roles: [] })}
                data-testid="policy-add-level"
              >
                {t('dutyAdmin.policies.addLevel')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
