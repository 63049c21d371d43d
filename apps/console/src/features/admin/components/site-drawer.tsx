import type { CreateSiteRequest, SiteSummaryDto } from '@netduty/contracts';
import { PLACE_NAME_MAX_LENGTH, PRIORITY_TIERS, SITE_KINDS } from '@netduty/contracts';
import { foldForSearch } from '@netduty/domain';
import { App, Button, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLayoutSize } from '../../../lib/use-layout-size';
import { useCommunes, useOperators } from '../../reference/hooks/use-reference-data';
import { communeOption, type CommuneOption } from '../../reference/lib/commune-option';
import { useSaveSite } from '../hooks/use-duty-admin';
import { useFormProblems } from '../hooks/use-form-problems';

export type SiteEditing = { site: SiteSummaryDto | null } | null;

const SITE_FIELDS = ['code', 'name', 'kind', 'operatorCode', 'communeCode', 'latitude', 'longitude', 'priority'] as const;

function valuesOf(site: SiteSummaryDto): CreateSiteRequest {
  return {
    code: site.code,
    name: site.name,
    kind: site.kind,
    operatorCode: site.operator.code,
    communeCode: site.commune.code,
    latitude: site.latitude,
    longitude: site.longitude,
    priority: site.priority,
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

/** A site of the register: code, name, kind, operator, commune, coordinates and priority tier. */
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

  const done = (saved: SiteSummaryDto) => {
    notification.success({ title: t('dutyAdmin.saved', { name: `${saved.code} · ${saved.name}` }) });
    onClose();
  };

  const submit = (values: CreateSiteRequest) => {
    const request = { ...values, code: values.code.trim(), name: values.name.trim() };
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
      </Form>
    </Drawer>
  );
}
