import type { ClusterDto, OperatorCode } from '@netduty/contracts';
import { foldForSearch } from '@netduty/domain';
import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunes, useOperators } from '../../reference/hooks/use-reference-data';
import { useCreateCluster, useUpdateCluster } from '../hooks/use-admin';
import { communeOption, type CommuneOption } from '../../reference/lib/commune-option';
import { PLACE_NAME_MAX_LENGTH } from '@netduty/contracts';
import { useFormProblems } from '../hooks/use-form-problems';

export type ClusterEditing = { mode: 'create'; operator?: OperatorCode } | { mode: 'edit'; cluster: ClusterDto } | null;

interface ClusterValues {
  operatorCode: OperatorCode;
  name: string;
  communeCodes: string[];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}

/** A technical cluster: its operator (fixed once created), its name and the communes it covers. */
export function ClusterDrawer({ editing, onClose }: { editing: ClusterEditing; onClose: () => void }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const [form] = Form.useForm<ClusterValues>();
  const operators = useOperators();
  const communes = useCommunes();
  const create = useCreateCluster();
  const update = useUpdateCluster();
  const original = editing?.mode === 'edit' ? editing.cluster : null;

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(
      editing.mode === 'edit'
        ? { operatorCode: editing.cluster.operator, name: editing.cluster.name, communeCodes: editing.cluster.communeCodes }
        : { operatorCode: editing.operator, communeCodes: [] },
    );
  }, [editing, form]);

  const options = useMemo(() => (communes.data ?? []).map(communeOption), [communes.data]);

  const onError = useFormProblems(form, ['operatorCode', 'name', 'communeCodes'] as const);

  const done = (saved: ClusterDto) => {
    notification.success({ title: t('admin.clusters.saved', { name: saved.name }) });
    onClose();
  };

  const submit = (values: ClusterValues) => {
    const name = values.name.trim();
    if (!original) {
      create.mutate({ operatorCode: values.operatorCode, name, communeCodes: values.communeCodes }, { onSuccess: done, onError });
      return;
    }
    const change: { name?: string; communeCodes?: string[] } = {};
    if (name !== original.name) change.name = name;
    if (!sameSet(values.communeCodes, original.communeCodes)) change.communeCodes = values.communeCodes;
    if (Object.keys(change).length === 0) return onClose();
    update.mutate({ id: original.id, change }, { onSuccess: done, onError });
  };

  const saving = create.isPending || update.isPending;

  return (
    <Drawer
      open={editing !== null}
      onClose={onClose}
      size={560}
      forceRender
      title={original ? t('admin.clusters.editTitle', { name: original.name }) : t('admin.clusters.createTitle')}
      footer={
        <Space className="drawer-footer">
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="cluster-save">
            {t('admin.save')}
          </Button>
        </Space>
      }
      data-testid="cluster-drawer"
    >
      <Form<ClusterValues> form={form} layout="vertical" onFinish={submit} disabled={saving}>
        <Form.Item name="operatorCode" label={t('admin.clusters.operator')} rules={[{ required: true, message: t('fieldProblem.operatorRequired') }]}>
          <Select
            disabled={original !== null}
            options={(operators.data ?? []).map((operator) => ({ value: operator.code, label: operator.name }))}
            loading={operators.isLoading}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('admin.clusters.name')}
          rules={[
            { required: true, whitespace: true, message: t('admin.clusters.nameRequired') },
            { max: PLACE_NAME_MAX_LENGTH, message: t('validation.nameTooLong', { max: PLACE_NAME_MAX_LENGTH }) },
          ]}
        >
          <Input maxLength={PLACE_NAME_MAX_LENGTH} data-testid="cluster-name" />
        </Form.Item>
        <Form.Item name="communeCodes" label={t('admin.clusters.communes')} extra={t('admin.clusters.communesHint')}>
          <Select<string[], CommuneOption>
            mode="multiple"
            allowClear
            options={options}
            loading={communes.isLoading}
            placeholder={t('admin.clusters.communesPlaceholder')}
            showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(foldForSearch(input)) }}
            data-testid="cluster-communes"
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
