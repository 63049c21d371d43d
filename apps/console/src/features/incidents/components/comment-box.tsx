import { SendOutlined } from '@ant-design/icons';
import type { IncidentDto } from '@netduty/contracts';
import { acceptsComments } from '@netduty/domain';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../../lib/use-notify-error';
import { useAddComment } from '../hooks/use-incident-mutations';
import { NOTE_MAX_LENGTH } from './note-modal';

interface CommentFormValues {
  text: string;
}

export function CommentBox({ incident }: { incident: IncidentDto }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CommentFormValues>();
  const notifyError = useNotifyError();
  const mutation = useAddComment(incident.id);
  const closed = !acceptsComments(incident.status);

  const submit = (values: CommentFormValues) =>
    mutation.mutate(
      { text: values.text.trim() },
      { onSuccess: () => form.resetFields(), onError: notifyError },
    );

  return (
    <Form<CommentFormValues> form={form} onFinish={submit} className="comment-box" disabled={closed}>
      <Form.Item
        name="text"
        rules={[
          { required: true, whitespace: true, message: t('comment.required') },
          { max: NOTE_MAX_LENGTH, message: t('validation.descriptionTooLong', { max: NOTE_MAX_LENGTH }) },
        ]}
        extra={closed ? t('comment.closedHint') : undefined}
      >
        <Input.TextArea
          placeholder={t('comment.placeholder')}
          aria-label={t('comment.placeholder')}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={NOTE_MAX_LENGTH}
          data-testid="comment-input"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={mutation.isPending} data-testid="comment-submit">
        {t('comment.submit')}
      </Button>
    </Form>
  );
}
