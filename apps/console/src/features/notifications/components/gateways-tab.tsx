import type { FieldProblem, NotificationGatewayDto, NotificationGatewayKind, SaveNotificationGatewayRequest } from '@netduty/contracts';
import { NOTIFICATION_GATEWAY_KINDS, NOTIFICATION_GATEWAY_METHODS } from '@netduty/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { describeFieldProblem } from '../../../lib/field-problem';
import { notificationKeys, notificationsApi } from '../api/notifications.api';
import { useNotificationText } from '../hooks/use-notifications';
import { GATEWAY_TEXT } from '../lib/gateway-text';

type GatewayForm = Omit<SaveNotificationGatewayRequest, 'headers'>;

const FORM_FIELDS = ['kind', 'name', 'enabled', 'rateLimitPerSecond', 'smtpHost', 'smtpPort', 'smtpSecure', 'smtpUser', 'smtpPassword', 'fromAddress', 'url', 'method', 'bodyTemplate', 'webhookSecret'] as const;

/** The api's field problems on the form's fields; the rest (a header's problem) listed above the form. */
function splitProblems(problems: readonly FieldProblem[], describe: (problem: FieldProblem) => string) {
  const onForm = new Map<string, string[]>();
  const elsewhere: string[] = [];
  for (const problem of problems) {
    const field = (FORM_FIELDS as readonly string[]).includes(problem.field) ? problem.field : null;
    if (field) onForm.set(field, [...(onForm.get(field) ?? []), describe(problem)]);
    else elsewhere.push(`${problem.field}: ${describe(problem)}`);
  }
  return { onForm, elsewhere };
}

function GatewayEditor({ gateway, onClose }: { gateway: NotificationGatewayDto | 'new'; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useNotificationText();
  const text = GATEWAY_TEXT[language];
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<GatewayForm>();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const kind = Form.useWatch('kind', form) ?? (gateway === 'new' ? 'sms' : gateway.kind);
  const save = useMutation({
    mutationFn: (values: GatewayForm) => {
      const body: SaveNotificationGatewayRequest = { ...values };
      // Secrets are write-only: empty means "keep what is stored".
      if (!body.smtpPassword) delete body.smtpPassword;
      if (!body.webhookSecret) delete body.webhookSecret;
      return gateway === 'new' ? notificationsApi.createGateway(body) : notificationsApi.updateGateway(gateway.id, body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: notificationKeys.gateways() });
      void message.success(text.saved);
      onClose();
    },
    onError: (error) => {
      const problems = isApiError(error) ? (error.body.fields ?? []) : [];
      const { onForm, elsewhere: other } = splitProblems(problems, (problem) => describeFieldProblem(t, problem));
      form.setFields(FORM_FIELDS.map((name) => ({ name, errors: onForm.get(name) ?? [] })));
      setElsewhere(problems.length === 0 ? [error.message] : other);
    },
  });
  const initial: GatewayForm =
    gateway === 'new'
      ? { kind: 'sms', name: '', enabled: true, rateLimitPerSecond: 10, method: 'POST', bodyTemplate: '{"to":"{{address}}","text":"{{text}}"}' }
      : { ...gateway, smtpPassword: undefined, webhookSecret: undefined };
  return (
    <Modal open title={gateway === 'new' ? text.add : `${text.edit}: ${gateway.name}`} okText={text.save} cancelText={text.cancel} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} data-testid="gateway-editor">
      {elsewhere.length > 0 && <Alert type="error" showIcon message={text.otherProblems} description={elsewhere.join('; ')} data-testid="gateway-problems" />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(values) => save.mutate(values)}>
        <Form.Item name="kind" label={text.kind}>
          <Select disabled={gateway !== 'new'} options={NOTIFICATION_GATEWAY_KINDS.map((value) => ({ value, label: text.kinds[value] }))} />
        </Form.Item>
        <Form.Item name="name" label={text.name}>
          <Input data-testid="gateway-name" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="enabled" label={text.enabled} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="rateLimitPerSecond" label={text.rate}>
            <InputNumber min={1} max={1000} />
          </Form.Item>
        </Space>
        {kind === 'email' ? (
          <>
            <Form.Item name="smtpHost" label={text.smtpHost}>
              <Input />
            </Form.Item>
            <Space wrap>
              <Form.Item name="smtpPort" label={text.smtpPort}>
                <InputNumber min={1} max={65535} />
              </Form.Item>
              <Form.Item name="smtpSecure" label={text.smtpSecure} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Space>
            <Form.Item name="smtpUser" label={text.smtpUser}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="smtpPassword" label={text.smtpPassword}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="fromAddress" label={text.fromAddress}>
              <Input />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="url" label={text.url}>
              <Input data-testid="gateway-url" />
            </Form.Item>
            <Form.Item name="method" label={text.method}>
              <Select options={NOTIFICATION_GATEWAY_METHODS.map((value) => ({ value, label: value }))} />
            </Form.Item>
            <Form.Item name="bodyTemplate" label={text.bodyTemplate}>
              <Input.TextArea rows={3} data-testid="gateway-template" />
            </Form.Item>
            <Form.Item name="webhookSecret" label={text.webhookSecret}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

function TestSender({ gateway, onClose }: { gateway: NotificationGatewayDto; onClose: () => void }) {
  const { language } = useNotificationText();
  const text = GATEWAY_TEXT[language];
  const { message } = App.useApp();
  const [address, setAddress] = useState('');
  const send = useMutation({
    mutationFn: () => notificationsApi.testGateway(gateway.id, address),
    onSuccess: () => {
      void message.success(text.testQueued);
      onClose();
    },
  });
  return (
    <Modal open title={`${text.sendTest}: ${gateway.name}`} okText={text.sendTest} cancelText={text.cancel} onCancel={onClose} onOk={() => send.mutate()} confirmLoading={send.isPending}>
      {send.isError && <Alert type="error" showIcon message={send.error.message} />}
      <Input aria-label={text.testAddress} placeholder={text.testAddress} value={address} onChange={(event) => setAddress(event.target.value)} data-testid="gateway-test-address" />
    </Modal>
  );
}

/** Admin: the notification gateways (SMTP, SMS brandname, Zalo OA, Telegram), their settings and a test message. */
export function GatewaysTab() {
  const { language } = useNotificationText();
  const text = GATEWAY_TEXT[language];
  const gateways = useQuery({ queryKey: notificationKeys.gateways(), queryFn: ({ signal }) => notificationsApi.gateways(signal) });
  const [editing, setEditing] = useState<NotificationGatewayDto | 'new' | null>(null);
  const [testing, setTesting] = useState<NotificationGatewayDto | null>(null);
  const kindLabel = (kind: NotificationGatewayKind) => text.kinds[kind];
  return (
    <div data-testid="gateways-tab">
      <Button type="primary" onClick={() => setEditing('new')} style={{ marginBottom: 12 }} data-testid="gateway-add">
        {text.add}
      </Button>
      <Table<NotificationGatewayDto>
        rowKey="id"
        size="small"
        loading={gateways.isLoading}
        dataSource={gateways.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: text.name, dataIndex: 'name', render: (name: string, gateway) => <span data-testid={`gateway-row-${gateway.kind}`}>{name}</span> },
          { title: text.kind, dataIndex: 'kind', render: kindLabel },
          { title: text.target, key: 'target', render: (_, gateway) => (gateway.kind === 'email' ? `${gateway.smtpHost ?? ''}:${gateway.smtpPort ?? ''}` : gateway.url) },
          { title: text.rate, dataIndex: 'rateLimitPerSecond' },
          { title: text.enabled, dataIndex: 'enabled', render: (enabled: boolean) => (enabled ? <Tag color="green">✓</Tag> : <Tag>—</Tag>) },
          {
            key: 'actions',
            render: (_, gateway) => (
              <Space>
                <Button size="small" onClick={() => setEditing(gateway)}>
                  {text.edit}
                </Button>
                <Button size="small" disabled={!gateway.enabled} onClick={() => setTesting(gateway)}>
                  {text.sendTest}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && <GatewayEditor gateway={editing} onClose={() => setEditing(null)} />}
      {testing && <TestSender gateway={testing} onClose={() => setTesting(null)} />}
    </div>
  );
}

/** The tab's name in the admin page. */
export function GatewaysTabLabel() {
  const { language } = useNotificationText();
  return <>{GATEWAY_TEXT[language].tab}</>;
}
