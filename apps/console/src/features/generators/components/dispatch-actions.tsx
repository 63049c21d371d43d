import { CarOutlined, EnvironmentOutlined, PauseCircleOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { BatteryCountdownEntryDto, GeneratorDispatchRefusal, GeneratorDispatchStep } from '@netduty/contracts';
import { BATTERY_LIMITS, GENERATOR_DISPATCH_REFUSALS } from '@netduty/contracts';
import { App, Button, Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { isApiError } from '../../../lib/http';
import { useNotifyError } from '../../../lib/use-notify-error';
import { useCreateDispatch, useDispatchStep } from '../hooks/use-battery';
import { useGeneratorsStrings } from '../hooks/use-generators-strings';

const STEP_ICON: Readonly<Record<GeneratorDispatchStep, ReactNode>> = {
  depart: <CarOutlined />,
  arrive: <EnvironmentOutlined />,
  run: <ThunderboltOutlined />,
  stop: <PauseCircleOutlined />,
};

function refusalOf(error: unknown): GeneratorDispatchRefusal | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const reason = error.body.details?.['reason'];
  return GENERATOR_DISPATCH_REFUSALS.find((known) => known === reason) ?? null;
}

/** The team's next steps as it reports them (set off, arrived, running), and stop; or the button that sends one. */
export function DispatchActions({ entry, onAssign }: { entry: BatteryCountdownEntryDto; onAssign: (entry: BatteryCountdownEntryDto) => void }) {
  const t = useGeneratorsStrings();
  const { message, notification } = App.useApp();
  const notifyError = useNotifyError();
  const step = useDispatchStep();
  const { dispatch } = entry;

  if (!dispatch) {
    return (
      <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => onAssign(entry)} data-testid={`battery-assign-${entry.site.code}`}>
        {t('generators.assign.button')}
      </Button>
    );
  }
  const take = (next: GeneratorDispatchStep) =>
    step.mutate(
      { id: dispatch.id, step: next },
      {
        onSuccess: () => void message.success(t('generators.stepDone', { step: t(`generators.steps.${next}`) })),
        onError: (error) => {
          const refusal = refusalOf(error);
          if (refusal) notification.warning({ title: t(`generators.refused.${refusal}`) });
          else notifyError(error);
        },
      },
    );
  return (
    <div className="battery-actions">
      {dispatch.nextSteps.map((next) => (
        <Button
          key={next}
          size="small"
          type={next === 'stop' ? 'default' : 'primary'}
          icon={STEP_ICON[next]}
          loading={step.isPending && step.variables.step === next}
          disabled={step.isPending}
          onClick={() => take(next)}
          data-testid={`battery-step-${next}-${entry.site.code}`}
        >
          {t(`generators.steps.${next}`)}
        </Button>
      ))}
    </div>
  );
}

interface AssignValues {
  team: string;
  note?: string;
}

/** Sends a generator team (its name and phone) to one site. */
export function AssignTeamModal({ entry, onClose }: { entry: BatteryCountdownEntryDto | null; onClose: () => void }) {
  const t = useGeneratorsStrings();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<AssignValues>();
  const create = useCreateDispatch();
  const siteLabel = entry ? `${entry.site.code} — ${entry.site.name}` : '';

  const submit = (values: AssignValues) => {
    if (!entry) return;
    const note = values.note?.trim();
    create.mutate(
      { siteId: entry.site.id, team: values.team.trim(), ...(note ? { note } : {}) },
      {
        onSuccess: () => {
          void message.success(t('generators.assign.done', { site: entry.site.code }));
          onClose();
        },
        onError: notifyError,
      },
    );
  };

  return (
    <Modal
      open={entry !== null}
      title={t('generators.assign.title', { site: siteLabel })}
      okText={t('generators.assign.submit')}
      cancelText={t('generators.assign.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="battery-assign-modal"
    >
      <Form<AssignValues> form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="team"
          label={t('generators.assign.team')}
          rules={[{ required: true, whitespace: true, message: t('generators.assign.teamRequired') }]}
        >
          <Input maxLength={BATTERY_LIMITS.teamMaxLength} placeholder={t('generators.assign.teamPlaceholder')} autoFocus data-testid="battery-assign-team" />
        </Form.Item>
        <Form.Item name="note" label={t('generators.assign.note')}>
          <Input.TextArea maxLength={BATTERY_LIMITS.noteMaxLength} rows={3} placeholder={t('generators.assign.notePlaceholder')} data-testid="battery-assign-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
