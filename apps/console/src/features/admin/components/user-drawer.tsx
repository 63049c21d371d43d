import type { ResponderDto, UserDto } from '@netduty/contracts';
import { LANGUAGES, ROLES, NAME_MAX_LENGTH } from '@netduty/contracts';
import { foldForSearch } from '@netduty/domain';
import { Alert, App, Button, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { NewPasswordFields } from '../../auth/components/new-password-fields';
import { RoleTag } from '../../auth/components/role-tag';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { useOperators } from '../../reference/hooks/use-reference-data';
import { useClusters, useCreateUser, useResponders, useUpdateUser } from '../hooks/use-admin';
import { useFormProblems } from '../hooks/use-form-problems';
import {
  endsSessions,
  NEW_USER_VALUES,
  ROLE_SCOPE,
  toCreateUserRequest,
  toUpdateUserRequest,
  userToFormValues,
  type UserFormValues,
} from '../lib/user-form';

type Editing = { mode: 'create' } | { mode: 'edit'; user: UserDto } | null;

const FORM_FIELDS = [
  'username',
  'displayName',
  'role',
  'operatorCode',
  'clusterId',
  'responderId',
  'phone',
  'email',
  'language',
  'active',
  'password',
] as const;

interface ResponderOption {
  value: string;
  label: string;
  search: string;
  responder: ResponderDto;
}

/** Create or edit an account; the fields follow the role (operator and cluster, or responder record). */
export function UserDrawer({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const operators = useOperators();
  const clusters = useClusters();
  const open = editing !== null;
  const original = editing?.mode === 'edit' ? editing.user : null;

  const role = Form.useWatch('role', form);
  const operatorCode = Form.useWatch('operatorCode', form);
  const username = Form.useWatch('username', form) ?? '';
  const watched = Form.useWatch([], form) as UserFormValues | undefined;
  const scope = role ? ROLE_SCOPE[role] : { operator: false, responder: false };
  const responders = useResponders(open && scope.responder);

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(editing.mode === 'edit' ? userToFormValues(editing.user) : NEW_USER_VALUES);
  }, [editing, form]);

  const clusterOptions = useMemo(
    () =>
      (clusters.data ?? [])
        .filter((cluster) => cluster.operator === operatorCode)
        .map((cluster) => ({ value: cluster.id, label: t('admin.users.clusterOption', { name: cluster.name, communes: cluster.communeCodes.length }) })),
    [clusters.data, operatorCode, t],
  );
  const responderOptions = useMemo<ResponderOption[]>(
    () =>
      (responders.data ?? []).map((responder) => ({
        value: responder.id,
        label: `${responder.name} · ${responder.phone} · ${responder.clusterName}`,
        search: foldForSearch(`${responder.name} ${responder.phone} ${responder.clusterName}`),
        responder,
      })),
    [responders.data],
  );

  const pendingChange = original && watched?.role ? toUpdateUserRequest({ ...userToFormValues(original), ...watched }, original) : null;
  const willEndSessions = pendingChange !== null && endsSessions(pendingChange);

  const onError = useFormProblems(form, FORM_FIELDS);

  const submit = (values: UserFormValues) => {
    if (!editing) return;
    if (editing.mode === 'create') {
      create.mutate(toCreateUserRequest(values), {
        onSuccess: (saved) => {
          notification.success({ title: t('admin.users.created', { username: saved.username }) });
          onClose();
        },
        onError,
      });
      return;
    }
    const change = toUpdateUserRequest(values, editing.user);
    if (Object.keys(change).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { id: editing.user.id, change },
      {
        onSuccess: (saved) => {
          notification.success({ title: t('admin.users.saved', { username: saved.username }) });
          onClose();
        },
        onError,
      },
    );
  };

  const saving = create.isPending || update.isPending;
  const self = original !== null && original.id === me?.id;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      title={original ? t('admin.users.editTitle', { username: original.username }) : t('admin.users.createTitle')}
      // Kept mounted so the form (and its watchers) exist before the first open; reset on each open.
      forceRender
      footer={
        <Space className="drawer-footer">
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="user-save">
            {original ? t('admin.save') : t('admin.users.create')}
          </Button>
        </Space>
      }
      data-testid="user-drawer"
    >
      <Form<UserFormValues> form={form} layout="vertical" onFinish={submit} disabled={saving} requiredMark>
        <Form.Item
          name="username"
          label={t('admin.users.fields.username')}
          extra={original ? undefined : t('admin.users.fields.usernameHint')}
          rules={[
            { required: true, whitespace: true, message: t('admin.users.fields.usernameRequired') },
            { pattern: /^[a-zA-Z0-9._-]{3,64}$/, message: t('fieldProblem.usernameFormat') },
          ]}
        >
          <Input disabled={original !== null} autoComplete="off" spellCheck={false} data-testid="user-field-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('admin.users.fields.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('admin.users.fields.displayNameRequired') },
            { max: NAME_MAX_LENGTH, message: t('validation.nameTooLong', { max: NAME_MAX_LENGTH }) },
          ]}
        >
          <Input maxLength={NAME_MAX_LENGTH} data-testid="user-field-displayName" />
        </Form.Item>
        <Form.Item name="role" label={t('admin.users.fields.role')} rules={[{ required: true }]}>
          <Select
            disabled={self}
            options={ROLES.map((value) => ({ value, label: <RoleTag role={value} /> }))}
            data-testid="user-field-role"
          />
        </Form.Item>
        {scope.operator && (
          <>
            <Form.Item
              name="operatorCode"
              label={t('admin.users.fields.operator')}
              rules={[{ required: true, message: t('fieldProblem.operatorRequired') }]}
            >
              <Select
                options={(operators.data ?? []).map((operator) => ({ value: operator.code, label: operator.name }))}
                loading={operators.isLoading}
                onChange={() => form.setFieldValue('clusterId', null)}
                data-testid="user-field-operator"
              />
            </Form.Item>
            <Form.Item name="clusterId" label={t('admin.users.fields.cluster')} extra={t('admin.users.fields.clusterHint')}>
              <Select
                allowClear
                placeholder={t('admin.users.allClusters')}
                options={clusterOptions}
                loading={clusters.isLoading}
                disabled={!operatorCode}
                data-testid="user-field-cluster"
              />
            </Form.Item>
          </>
        )}
        {scope.responder && (
          <Form.Item
            name="responderId"
            label={t('admin.users.fields.responder')}
            extra={t('admin.users.fields.responderHint')}
            rules={[{ required: true, message: t('fieldProblem.responderRequired') }]}
          >
            <Select<string, ResponderOption>
              options={responderOptions}
              loading={responders.isLoading}
              placeholder={t('admin.users.fields.responderPlaceholder')}
              showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(foldForSearch(input)) }}
              data-testid="user-field-responder"
            />
          </Form.Item>
        )}
        <div className="form-row">
          <Form.Item
            name="phone"
            label={t('admin.users.fields.phone')}
            className="form-row__item"
            rules={[{ pattern: /^\+?[0-9 .-]{6,20}$/, message: t('fieldProblem.phoneFormat') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="email" label={t('admin.users.fields.email')} className="form-row__item" rules={[{ type: 'email', message: t('fieldProblem.emailFormat') }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </div>
        <Form.Item name="language" label={t('admin.users.fields.language')}>
          <Select options={LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))} />
        </Form.Item>
        {original ? (
          <Form.Item name="active" label={t('admin.users.fields.active')} valuePropName="checked">
            <Switch disabled={self} />
          </Form.Item>
        ) : (
          <NewPasswordFields username={username} name="password" label={t('admin.users.fields.password')} testIdPrefix="user-password" />
        )}
        {willEndSessions && <Alert type="warning" showIcon title={t('admin.users.endsSessionsWarning')} />}
      </Form>
    </Drawer>
  );
}
