import type { UserDto } from '@netduty/contracts';
import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/http';
import { useNotifyError } from '../../../lib/use-notify-error';
import { NewPasswordFields } from '../../auth/components/new-password-fields';
import { fieldErrorsFor } from '../../auth/lib/form-errors';
import { describeFieldProblem } from '../../../lib/field-problem';
import { useResetPassword } from '../hooks/use-admin';

interface ResetValues {
  newPassword: string;
  confirmPassword: string;
}

/** Sets a temporary password: the user's sessions end and they must change it at their next login. */
export function ResetPasswordModal({ user, onClose }: { user: UserDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<ResetValues>();
  const reset = useResetPassword();

  const submit = (values: ResetValues) => {
    if (!user) return;
    reset.mutate(
      { id: user.id, newPassword: values.newPassword },
      {
        onSuccess: () => {
          notification.success({ title: t('admin.users.passwordReset', { username: user.username }) });
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.body.fields) {
            const { onForm, elsewhere } = fieldErrorsFor(error.body, ['newPassword', 'confirmPassword'] as const, (problem) => describeFieldProblem(t, problem));
            form.setFields(onForm);
            if (elsewhere.length === 0 && onForm.length > 0) return;
          }
          notifyError(error);
        },
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={t('admin.users.resetPasswordTitle', { username: user?.username ?? '' })}
      okText={t('admin.users.resetPassword')}
      cancelText={t('actions.cancel')}
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert className="modal-alert" type="info" showIcon title={t('admin.users.resetPasswordHint')} />
      <Form<ResetValues> form={form} layout="vertical" onFinish={submit} preserve={false}>
        <NewPasswordFields username={user?.username ?? ''} name="newPassword" label={t('admin.users.fields.newPassword')} testIdPrefix="reset-password" />
      </Form>
    </Modal>
  );
}
