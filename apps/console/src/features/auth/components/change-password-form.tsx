import type { UserDto } from '@netduty/contracts';
import { Button, Form, Input, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { isApiError } from '../../../lib/http';
import { session } from '../../../lib/session/session';
import { useNotifyError } from '../../../lib/use-notify-error';
import { changePassword } from '../api/auth.api';
import { fieldErrorsFor } from '../lib/form-errors';
import { describeFieldProblem } from '../../../lib/field-problem';
import { PASSWORD_MAX_LENGTH } from '@netduty/domain';
import { NewPasswordFields } from './new-password-fields';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

interface ChangePasswordFormProps {
  user: UserDto;
  onDone: (user: UserDto) => void;
  /** Extra buttons beside submit (cancel, log out). */
  extra?: ReactNode;
}

/** Current password, new password (policy checked as typed), confirmation; api field errors land on the fields. */
export function ChangePasswordForm({ user, onDone, extra }: ChangePasswordFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ChangePasswordValues>();
  const notifyError = useNotifyError();
  const mutation = useMutation({
    mutationFn: (values: ChangePasswordValues) =>
      changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSuccess: (updated) => {
      session.updateUser(updated);
      form.resetFields();
      onDone(updated);
    },
    onError: (error) => {
      if (isApiError(error) && error.body.fields) {
        const { onForm, elsewhere } = fieldErrorsFor(error.body, FIELDS, (problem) => describeFieldProblem(t, problem));
        form.setFields(onForm);
        if (elsewhere.length === 0) return;
      }
      notifyError(error);
    },
  });

  return (
    <Form<ChangePasswordValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => mutation.mutate(values)}
      disabled={mutation.isPending}
      data-testid="change-password-form"
    >
      {/* Lets password managers tie the new password to the right account. */}
      <input type="text" name="username" value={user.username} autoComplete="username" readOnly hidden />
      <Form.Item
        name="currentPassword"
        label={t('changePassword.current')}
        rules={[{ required: true, message: t('changePassword.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" maxLength={PASSWORD_MAX_LENGTH} data-testid="change-password-current" />
      </Form.Item>
      <NewPasswordFields
        username={user.username}
        currentField="currentPassword"
        name="newPassword"
        label={t('changePassword.new')}
        testIdPrefix="change-password"
      />
      <Space>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="change-password-submit">
          {t('changePassword.submit')}
        </Button>
        {extra}
      </Space>
    </Form>
  );
}
