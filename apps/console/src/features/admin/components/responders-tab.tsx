import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { NAME_MAX_LENGTH, PHONE_PATTERN, type ResponderDto } from '@netduty/contracts';
import { foldForSearch } from '@netduty/domain';
import { Alert, App, Button, Drawer, Form, Input, Select, Space, Switch, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClusters, useResponders, useSaveResponder } from '../hooks/use-admin';
import { useFormProblems } from '../hooks/use-form-problems';

type ResponderEditing = { mode: 'create' } | { mode: 'edit'; responder: ResponderDto } | null;

interface ResponderValues {
  clusterId: string;
  name: string;
  phone: string;
  active: boolean;
}

/** The clusters' responders (ứng cứu thông tin): who can be dispatched, with a call-back phone; retired ones stay on past incidents. */
export function RespondersTab() {
  const { t } = useTranslation();
  const responders = useResponders();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<ResponderEditing>(null);
  const shown = useMemo(() => {
    const needle = foldForSearch(search);
    return (responders.data ?? []).filter((responder) => !needle || foldForSearch(`${responder.name} ${responder.phone} ${responder.clusterName}`).includes(needle));
  }, [responders.data, search]);

  const columns: ColumnsType<ResponderDto> = [
    { key: 'name', title: t('admin.responders.name'), render: (_, responder) => <strong>{responder.name}</strong> },
    { key: 'phone', title: t('admin.responders.phone'), width: 160, render: (_, responder) => <a href={`tel:${responder.phone.replace(/[^+0-9]/g, '')}`}>{responder.phone}</a> },
    { key: 'cluster', title: t('admin.responders.cluster'), render: (_, responder) => responder.clusterName },
    {
      key: 'active',
      title: t('admin.responders.status'),
      width: 130,
      render: (_, responder) => (responder.active ? <Tag color="green">{t('admin.responders.active')}</Tag> : <Tag>{t('admin.responders.retired')}</Tag>),
    },
    {
      key: 'actions',
      title: '',
      width: 110,
      align: 'right',
      render: (_, responder) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', responder })} data-testid="responder-edit">
          {t('admin.responders.edit')}
        </Button>
      ),
    },
  ];

  return (
    <div className="admin-tab" data-testid="responders-tab">
      <div className="admin-toolbar">
        <Input.Search allowClear placeholder={t('admin.responders.search')} value={search} onChange={(event) => setSearch(event.target.value)} style={{ maxWidth: 360 }} data-testid="responders-search" />
        <span className="admin-toolbar__spacer" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })} data-testid="responder-create">
          {t('admin.responders.create')}
        </Button>
      </div>
      {responders.isError && <Alert type="error" showIcon title={responders.error.message} />}
      <Table<ResponderDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={shown}
        loading={responders.isLoading}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      />
      <ResponderDrawer editing={editing} onClose={() => setEditing(null)} />
    </div>
  );
}

function ResponderDrawer({ editing, onClose }: { editing: ResponderEditing; onClose: () => void }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const [form] = Form.useForm<ResponderValues>();
  const onError = useFormProblems(form, ['clusterId', 'name', 'phone', 'active'] as const);
  const clusters = useClusters();
  const save = useSaveResponder();
  const original = editing?.mode === 'edit' ? editing.responder : null;

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(
      editing.mode === 'edit'
        ? { clusterId: editing.responder.clusterId, name: editing.responder.name, phone: editing.responder.phone, active: editing.responder.active }
        : { active: true },
    );
  }, [editing, form]);

  const submit = (values: ResponderValues) => {
    const request = { clusterId: values.clusterId, name: values.name.trim(), phone: values.phone.trim(), ...(original ? { active: values.active } : {}) };
    save.mutate(
      { id: original?.id ?? null, request },
      {
        onSuccess: (saved) => {
          notification.success({ title: t('admin.responders.saved', { name: saved.name }) });
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <Drawer
      open={editing !== null}
      onClose={onClose}
      size={480}
      forceRender
      rootClassName="responder-drawer"
      title={original ? t('admin.responders.editTitle', { name: original.name }) : t('admin.responders.createTitle')}
      footer={
        <Space className="drawer-footer">
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="responder-save">
            {t('admin.save')}
          </Button>
        </Space>
      }
      data-testid="responder-drawer"
    >
      <Form<ResponderValues> form={form} layout="vertical" onFinish={submit} disabled={save.isPending}>
        <Form.Item name="clusterId" label={t('admin.responders.cluster')} rules={[{ required: true, message: t('admin.responders.clusterRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={clusters.isLoading}
            options={(clusters.data ?? []).map((cluster) => ({ value: cluster.id, label: cluster.name }))}
            data-testid="responder-cluster"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('admin.responders.name')}
          rules={[
            { required: true, whitespace: true, message: t('admin.responders.nameRequired') },
            { max: NAME_MAX_LENGTH, message: t('validation.nameTooLong', { max: NAME_MAX_LENGTH }) },
          ]}
        >
          <Input maxLength={NAME_MAX_LENGTH} data-testid="responder-name" />
        </Form.Item>
        <Form.Item name="phone" label={t('admin.responders.phone')} rules={[{ required: true, pattern: PHONE_PATTERN, message: t('admin.responders.phoneInvalid') }]}>
          <Input inputMode="tel" data-testid="responder-phone" />
        </Form.Item>
        {original && (
          <Form.Item name="active" label={t('admin.responders.status')} valuePropName="checked" extra={t('admin.responders.activeHint')}>
            <Switch checkedChildren={t('admin.responders.active')} unCheckedChildren={t('admin.responders.retired')} />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
