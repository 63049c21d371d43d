import type { EventPeriodDto } from '@netduty/contracts';
import { ESCALATION_POLICY_LIMITS, EVENT_PERIOD_LIMITS, PRIORITY_TIERS } from '@netduty/contracts';
import { eventPeriodProblems } from '@netduty/domain';
import { Alert, App, Button, Checkbox, Drawer, Form, Input, InputNumber, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeFieldProblem } from '../../../lib/field-problem';
import { isApiError } from '../../../lib/http';
import { useLayoutSize } from '../../../lib/use-layout-size';
import { useNotifyError } from '../../../lib/use-notify-error';
import { problemsOnForm } from '../../admin/lib/form-problems';
import { useSaveEventPeriod } from '../hooks/use-event-periods';
import { eventPeriodDefinition, eventPeriodValues, eventProblemPath, type EventPeriodValues } from '../lib/event-period-form';
import { P0SitePicker } from './p0-site-picker';

export type EventPeriodEditing = { period: EventPeriodDto | null } | null;

/** Create or replace an event period: times in Asia/Ho_Chi_Minh, P0 sites, SLA factor and per-tier windows, leadership level, report interval. */
export function EventPeriodDrawer({ editing, onClose }: { editing: EventPeriodEditing; onClose: () => void }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const notifyError = useNotifyError();
  const { phone } = useLayoutSize();
  const [form] = Form.useForm<EventPeriodValues>();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const save = useSaveEventPeriod();
  const original = editing?.period ?? null;
  const siteCount = Form.useWatch('p0SiteIds', form)?.length ?? 0;

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(eventPeriodValues(editing.period));
    setElsewhere([]);
  }, [editing, form]);

  const place = (problems: Parameters<typeof problemsOnForm>[0]) => {
    const placed = problemsOnForm(problems, eventProblemPath, (problem) => describeFieldProblem(t, problem));
    form.setFields(placed.onForm);
    setElsewhere(placed.elsewhere);
    return problems.length > 0;
  };

  const submit = (values: EventPeriodValues) => {
    const definition = eventPeriodDefinition(values);
    setElsewhere([]);
    if (place(eventPeriodProblems({ ...definition, startsAt: new Date(definition.startsAt), endsAt: new Date(definition.endsAt) }))) return;
    save.mutate(
      { id: original?.id ?? null, definition },
      {
        onSuccess: (saved) => {
          notification.success({ title: t('dutyAdmin.saved', { name: saved.name }) });
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.body.fields && place(error.body.fields)) return;
          notifyError(error);
        },
      },
    );
  };

  return (
    <Drawer
      open={editing !== null}
      onClose={onClose}
      size={phone ? '100%' : 720}
      forceRender
      title={original ? t('dutyAdmin.events.editTitle', { name: original.name }) : t('dutyAdmin.events.createTitle')}
      footer={
        <Space className="drawer-footer">
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void form.validateFields().then(submit, () => undefined)} data-testid="event-save">
            {t('admin.save')}
          </Button>
        </Space>
      }
      rootClassName="event-drawer"
    >
      {elsewhere.length > 0 && <Alert type="error" showIcon className="tab-intro" title={t('dutyAdmin.fixProblems')} description={elsewhere.join('; ')} />}
      <Form<EventPeriodValues> form={form} layout="vertical" disabled={save.isPending}>
        <Form.Item name="name" label={t('dutyAdmin.events.name')} rules={[{ required: true, whitespace: true, message: t('dutyAdmin.events.nameRequired') }]}>
          <Input maxLength={EVENT_PERIOD_LIMITS.maxNameLength} data-testid="event-name" />
        </Form.Item>
        <Space wrap className="event-times">
          <Form.Item name="startsAt" label={t('dutyAdmin.events.startsAt')} rules={[{ required: true, message: t('dutyAdmin.events.timeRequired') }]}>
            <Input type="datetime-local" data-testid="event-starts-at" />
          </Form.Item>
          <Form.Item name="endsAt" label={t('dutyAdmin.events.endsAt')} rules={[{ required: true, message: t('dutyAdmin.events.timeRequired') }]}>
            <Input type="datetime-local" data-testid="event-ends-at" />
          </Form.Item>
        </Space>
        <Form.Item name="p0SiteIds" label={t('dutyAdmin.events.p0Sites', { count: siteCount })}>
          <P0SitePicker />
        </Form.Item>
        <Space wrap className="event-numbers">
          <Form.Item name="slaFactor" label={t('dutyAdmin.events.slaFactor')} extra={t('dutyAdmin.events.slaFactorHint')}>
            <InputNumber<number> min={EVENT_PERIOD_LIMITS.minSlaFactor} max={1} step={0.1} data-testid="event-sla-factor" />
          </Form.Item>
          <Form.Item name="p0LeadershipLevel" label={t('dutyAdmin.events.leadershipLevel')} extra={t('dutyAdmin.events.leadershipHint')}>
            <InputNumber<number> min={1} max={ESCALATION_POLICY_LIMITS.maxLevels} precision={0} data-testid="event-leadership-level" />
          </Form.Item>
          <Form.Item name="reportIntervalMinutes" label={t('dutyAdmin.events.reportInterval')} rules={[{ required: true, message: t('dutyAdmin.sites.required') }]}>
            <InputNumber<number>
              min={EVENT_PERIOD_LIMITS.minReportIntervalMinutes}
              max={EVENT_PERIOD_LIMITS.maxReportIntervalMinutes}
              precision={0}
              data-testid="event-report-interval"
            />
          </Form.Item>
        </Space>
        <fieldset className="event-overrides">
          <legend>{t('dutyAdmin.events.overrides')}</legend>
          {PRIORITY_TIERS.map((tier) => (
            <Space key={tier} wrap align="end" className="event-override" data-testid={`event-override-${tier}`}>
              <Form.Item name={['overrides', tier, 'enabled']} valuePropName="checked" label={tier}>
                <Checkbox>{t('dutyAdmin.events.overrideEnabled')}</Checkbox>
              </Form.Item>
              <Form.Item name={['overrides', tier, 'acknowledgeMinutes']} label={t('dutyAdmin.events.acknowledgeMinutes')}>
                <InputNumber<number> min={1 / 60} step={1} />
              </Form.Item>
              <Form.Item name={['overrides', tier, 'restoreMinutes']} label={t('dutyAdmin.events.restoreMinutes')}>
                <InputNumber<number> min={1 / 60} step={5} />
              </Form.Item>
            </Space>
          ))}
        </fieldset>
      </Form>
    </Drawer>
  );
}
