import type { CreateSiteRequest, SiteDetailDto } from '@netduty/contracts';
import {
  BATTERY_CAPACITY_AH_MAX,
  LOAD_WATTS_MAX,
  LOAD_WATTS_MIN,
  PLACE_NAME_MAX_LENGTH,
  PRIORITY_TIERS,
  SITE_KINDS,
  UPSTREAM_CODE_MAX_LENGTH,
  UPSTREAM_CODE_PATTERN,
} from '@netduty/contracts';
import { foldForSearch } from '@netduty/domain';
import { App, Button, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLayoutSize } from '../../../lib/use-layout-size';
import { useCommunes, useOperators } from '../../reference/hooks/use-reference-data';
import { communeOption, type CommuneOption } from '../../reference/lib/commune-option';
import { useSaveSite } from '../hooks/use-duty-admin';
import { useFormProblems } from '../hooks/use-form-problems';

export type SiteEditing = { site: SiteDetailDto | null } | null;

const SITE_FIELDS = [
  'code',
  'name',
  'kind',
  'operatorCode',
  'communeCode',
  'latitude',
  'longitude',
  'priority',
  'powerFeeder',
  'transmissionRoute',
  'aggregationNode',
  'batteryCapacityAh',
  'loadWatts',
] as const;

const UPSTREAM_FIELDS = ['powerFeeder', 'transmissionRoute', 'aggregationNode'] as const;

/** An upstream's code as the api takes it: trimmed, an empty box meaning not known (null). */
function upstreamCode(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function valuesOf(site: SiteDetailDto): CreateSiteRequest {
  return {
    code: site.code,
    name: site.name,
    kind: site.kind,
    operatorCode: site.operator.code,
    communeCode: site.commune.code,
    latitude: site.latitude,
    longitude: site.longitude,
    priority: site.priority,
    powerFeeder: site.powerFeeder,
    transmissionRoute: site.transmissionRoute,
    aggregationNode: site.aggregationNode,
    batteryCapacityAh: site.batteryCapacityAh,
    loadWatts: site.loadWatts,
  };
}

/** Only what changed, for PATCH /sites/:id. */
function changeOf(before: CreateSiteRequest, after: CreateSiteRequest): Partial<CreateSiteRequest> {
  const change: Partial<CreateSiteRequest> = {};
  for (const field of SITE_FIELDS) {
    if (before[field] !== after[field]) Object.assign(change, { [field]: after[field] });
  }
  return change;
}

/** A site of the register: code, name, kind, operator, commune, coordinates, priority tier, and what it depends on. */
export function SiteDrawer({ editing, onClose }: { editing: SiteEditing; onClose: () => void }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const { phone } = useLayoutSize();
  const [form] = Form.useForm<CreateSiteRequest>();
  const operators = useOperators();
  const communes = useCommunes();
  const save = useSaveSite();
  const original = editing?.site ?? null;
  const communeOptions = useMemo(() => (communes.data ?? []).map(communeOption), [communes.data]);

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing.site) form.setFieldsValue(valuesOf(editing.site));
    else form.setFieldsValue({ kind: 'bts', priority: 'P2' });
  }, [editing, form]);

  const onError = useFormProblems(form, SITE_FIELDS);

  const done = (saved: SiteDetailDto) => {
    notification.success({ title: t('dutyAdmin.saved', { name: `${saved.code} · ${saved.name}` }) });
    onClose();
  };

  const submit = (values: CreateSiteRequest) => {
    const request: CreateSiteRequest = {
      ...values,
      code: values.code.trim(),
      name: values.name.trim(),
      powerFeeder: upstreamCode(values.powerFeeder),
      transmissionRoute: upstreamCode(values.transmissionRoute),
      aggregationNode: upstreamCode(values.aggregationNode),
      batteryCapacityAh: values.batteryCapacityAh ?? null,
      loadWatts: values.loadWatts ?? null,
    };
    if (!original) return save.mutate({ id: null, request }, { onSuccess: done, onError });
    const change = changeOf(valuesOf(original), request);
    if (Object.keys(change).length === 0) return onClose();
    save.mutate({ id: original.id, request: change }, { onSuccess: done, onError });
  };

  const required = { required: true, message: t('dutyAdmin.sites.required') };
  return (
    <Drawer
      open={editing !== null}
      onClose={onClose}
      size={phone ? '100%' : 560}
      forceRender
      title={original ? t('dutyAdmin.sites.editTitle', { code: original.code }) : t('dutyAdmin.sites.createTitle')}
      footer={
        <Space className="drawer-footer">
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="site-save">
            {t('admin.save')}
          </Button>
        </Space>
      }
      rootClassName="site-drawer"
    >
      <Form<CreateSiteRequest> form={form} layout="vertical" onFinish={submit} disabled={save.isPending}>
        <Form.Item name="code" label={t('dutyAdmin.sites.code')} rules={[{ required: true, whitespace: true, message: t('dutyAdmin.sites.codeRequired') }]}>
          <Input maxLength={40} data-testid="site-code" />
        </Form.Item>
        <Form.Item name="name" label={t('dutyAdmin.sites.name')} rules={[{ required: true, whitespace: true, message: t('dutyAdmin.sites.nameRequired') }]}>
          <Input maxLength={PLACE_NAME_MAX_LENGTH} data-testid="site-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('dutyAdmin.sites.kind')} rules={[required]}>
          <Select options={SITE_KINDS.map((kind) => ({ value: kind, label: t(`siteKind.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="operatorCode" label={t('dutyAdmin.sites.operator')} rules={[required]}>
          <Select options={(operators.data ?? []).map((operator) => ({ value: operator.code, label: operator.name }))} loading={operators.isLoading} data-testid="site-operator" />
        </Form.Item>
        <Form.Item name="communeCode" label={t('dutyAdmin.sites.commune')} rules={[required]}>
          <Select<string, CommuneOption>
            options={communeOptions}
            loading={communes.isLoading}
            showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(foldForSearch(input)) }}
            data-testid="site-commune"
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="latitude" label={t('dutyAdmin.sites.latitude')} rules={[required]}>
            <InputNumber<number> min={-90} max={90} step={0.0001} data-testid="site-latitude" />
          </Form.Item>
          <Form.Item name="longitude" label={t('dutyAdmin.sites.longitude')} rules={[required]}>
            <InputNumber<number> min={-180} max={180} step={0.0001} data-testid="site-longitude" />
          </Form.Item>
        </Space>
        <Form.Item name="priority" label={t('dutyAdmin.sites.priority')} rules={[required]}>
          <Select options={PRIORITY_TIERS.map((tier) => ({ value: tier, label: t(`priority.${tier}`) }))} />
        </Form.Item>
        <fieldset className="site-dependencies" data-testid="site-dependencies">
          <legend>{t('dutyAdmin.sites.dependencies')}</legend>
          <div className="muted tab-intro">{t('dutyAdmin.sites.dependenciesHint')}</div>
          {UPSTREAM_FIELDS.map((field) => (
            <Form.Item
              key={field}
              name={field}
              label={t(`dutyAdmin.sites.${field}`)}
              rules={[{ pattern: UPSTREAM_CODE_PATTERN, message: t('dutyAdmin.sites.upstreamFormat') }]}
            >
              <Input allowClear maxLength={UPSTREAM_CODE_MAX_LENGTH} data-testid={`site-${field}`} />
            </Form.Item>
          ))}
          <Space wrap>
            <Form.Item name="batteryCapacityAh" label={t('dutyAdmin.sites.batteryCapacityAh')} extra={t('dutyAdmin.sites.batteryHint')}>
              <InputNumber<number> min={0} max={BATTERY_CAPACITY_AH_MAX} step={10} data-testid="site-batteryCapacityAh" />
            </Form.Item>
            <Form.Item name="loadWatts" label={t('dutyAdmin.sites.loadWatts')} extra={t('dutyAdmin.sites.batteryHint')}>
              <InputNumber<number> min={LOAD_WATTS_MIN} max={LOAD_WATTS_MAX} step={100} data-testid="site-loadWatts" />
            </Form.Item>
          </Space>
        </fieldset>
      </Form>
    </Drawer>
  );
}
