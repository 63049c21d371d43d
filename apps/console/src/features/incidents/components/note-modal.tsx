import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { INCIDENT_TEXT_MAX_LENGTH } from '@netduty/contracts';

export const NOTE_MAX_LENGTH = INCIDENT_TEXT_MAX_LENGTH;

interface NoteModalProps {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  /** Reopening needs a reason; resolving takes an optional note. */
  required: boolean;
  requiredMessage?: string;
  submitting: boolean;
  onSubmit: (note: string | undefined) => void;
  onCancel: () => void;
  testId: string;
}

interface NoteFormValues {
  note?: string;
}

export function NoteModal(props: NoteModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NoteFormValues>();
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      cancelText={t('actions.cancel')}
      confirmLoading={props.submitting}
      onOk={() => form.submit()}
      onCancel={props.onCancel}
      destroyOnHidden
      data-testid={props.testId}
    >
      <Form<NoteFormValues>
        form={form}
        layout="vertical"
        onFinish={(values) => props.onSubmit(values.note?.trim() ? values.note.trim() : undefined)}
      >
        <Form.Item
          name="note"
          label={props.label}
          rules={[
            { required: props.required, whitespace: true, message: props.requiredMessage },
            { max: NOTE_MAX_LENGTH, message: t('validation.descriptionTooLong', { max: NOTE_MAX_LENGTH }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={NOTE_MAX_LENGTH} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
