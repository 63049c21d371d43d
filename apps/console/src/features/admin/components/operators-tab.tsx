import { EditOutlined } from '@ant-design/icons';
import type { OperatorDto } from '@netduty/contracts';
import { Alert, App, Button, Form, Input, Modal, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/http';
import { useNotifyError } from '../../../lib/use-notify-error';
import { fieldErrorsFor } from '../../auth/lib/form-errors';
import { describeFieldProblem } from '../../../lib/field-problem';
import { useOperators } from '../../reference/hooks/use-reference-data';
import { useRenameOperator } from '../hooks/use-admin';
import { NAME_MAX_LENGTH } from '@netduty/contracts';

interface RenameValues {
  name: string;
}

function RenameOperatorModal({ operator, onClose }: { operator: OperatorDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<RenameValues>();
  const rename = useRenameOperator();

  useEffect(() => {
    if (operator) form.setFieldsValue({ name: operator.name });
  }, [operator, form]);

  const submit = ({ name }: RenameValues) => {
    if (!operator) return;
    rename.mutate(
      { code: operator.code, name: name.trim() },
      {
        onSuccess: (saved) => {
          notification.success({ title: t('admin.operators.renamed', { name: saved.name }) });
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.body.fields) {
            const { onForm } = fieldErrorsFor(error.body, ['name'] as const, (problem) => describeFieldProblem(t, problem));
            if (onForm.length > 0) return form.setFields(onForm);
          }
          notifyError(error);
        },
      },
    );
  };

  return (
    <Modal
      open={operator !== null}
      title={t('admin.operators.renameTitle', { code: operator?.code ?? '' })}
      okText={t('admin.save')}
      cancelText={t('actions.cancel')}
      confirmLoading={rename.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form<RenameValues> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label={t('admin.operators.name')}
          rules={[
            { required: true, whitespace: true, message: t('admin.operators.nameRequired') },
            { max: NAME_MAX_LENGTH, message: t('validation.nameTooLong', { max: NAME_MAX_LENGTH }) },
          ]}
        >
          <Input maxLength={NAME_MAX_LENGTH} data-testid="operator-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function OperatorsTab() {
  const { t } = useTranslation();
  const operators = useOperators();
  const [renaming, setRenaming] = useState<OperatorDto | null>(null);

  const columns: ColumnsType<OperatorDto> = [
    { key: 'code', title: t('admin.operators.code'), width: 140, render: (_, operator) => <span className="mono">{operator.code}</span> },
    { key: 'name', title: t('admin.operators.name'), render: (_, operator) => <strong>{operator.name}</strong> },
    {
      key: 'kind',
      title: t('admin.operators.kind'),
      width: 160,
      render: (_, operator) => <Tag color={operator.kind === 'telecom' ? 'blue' : 'purple'}>{t(`operatorKind.${operator.kind}`)}</Tag>,
    },
    {
      key: 'actions',
      title: '',
      width: 120,
      align: 'right',
      render: (_, operator) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setRenaming(operator)} data-testid={`operator-rename-${operator.code}`}>
          {t('admin.operators.rename')}
        </Button>
      ),
    },
  ];

  return (
    <div className="admin-tab" data-testid="operators-tab">
      <p className="admin-tab__hint">{t('admin.operators.hint')}</p>
      {operators.isError && <Alert type="error" showIcon title={operators.error.message} />}
      <Table<OperatorDto> rowKey="code" size="small" columns={columns} dataSource={operators.data ?? []} loading={operators.isLoading} pagination={false} />
      <RenameOperatorModal operator={renaming} onClose={() => setRenaming(null)} />
    </div>
  );
}
