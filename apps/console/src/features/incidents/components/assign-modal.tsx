import type { IncidentDto, ResponderDto } from '@netduty/contracts';
import { foldForSearch } from '@netduty/domain';
import { Alert, Form, Modal, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCandidateResponders } from '../hooks/use-incident-queries';

interface AssignModalProps {
  incident: IncidentDto;
  open: boolean;
  submitting: boolean;
  onSubmit: (responderIds: string[]) => void;
  onCancel: () => void;
}

interface ResponderOption {
  value: string;
  label: string;
  search: string;
  responder: ResponderDto;
}

interface AssignFormValues {
  responderIds: string[];
}

export function AssignModal({ incident, open, submitting, onSubmit, onCancel }: AssignModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AssignFormValues>();
  const candidates = useCandidateResponders(incident.id, open);

  const options = useMemo<ResponderOption[]>(
    () =>
      (candidates.data ?? []).map((responder) => ({
        value: responder.id,
        label: `${responder.name} · ${responder.phone}`,
        search: foldForSearch(`${responder.name} ${responder.phone} ${responder.clusterName}`),
        responder,
      })),
    [candidates.data],
  );

  return (
    <Modal
      open={open}
      title={t('assign.title', { reference: incident.reference })}
      okText={t('assign.submit')}
      cancelText={t('actions.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      data-testid="assign-modal"
    >
      <Form<AssignFormValues>
        form={form}
        layout="vertical"
        initialValues={{ responderIds: incident.responders.map((responder) => responder.id) }}
        onFinish={(values) => onSubmit(values.responderIds)}
      >
        {candidates.isSuccess && options.length === 0 && <Alert type="warning" showIcon title={t('assign.noCandidates')} />}
        <Form.Item
          name="responderIds"
          label={t('assign.responders')}
          rules={[{ required: true, type: 'array', min: 1, message: t('assign.required') }]}
        >
          <Select<string[], ResponderOption>
            mode="multiple"
            placeholder={t('assign.placeholder')}
            loading={candidates.isLoading}
            options={options}
            showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(foldForSearch(input)) }}
            optionRender={(option) => (
              <div className="responder-option">
                <span>{option.data.responder.name}</span>
                <span className="muted">
                  {option.data.responder.phone} · {option.data.responder.clusterName}
                </span>
              </div>
            )}
            data-testid="assign-responders"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
