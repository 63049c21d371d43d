import { DeleteOutlined } from '@ant-design/icons';
import type { OnDutyGroupDto, Role, UserDto } from '@netduty/contracts';
import { ROLES } from '@netduty/contracts';
import { foldForSearch } from '@netduty/domain';
import { Button, Card, Checkbox, Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ESCALATION_POLICY_LIMITS } from '@netduty/contracts';

/** Holds a level's "recipients" problems (none chosen, too many) under the level's pickers; it has no input of its own. */
function RecipientsLine() {
  const { t } = useTranslation();
  return <span className="muted">{t('dutyAdmin.policies.recipients')}</span>;
}

const matches = (input: string, option?: { label?: unknown }) => foldForSearch(String(option?.label ?? '')).includes(foldForSearch(input));

export interface PolicyLevelFieldsProps {
  index: number;
  fieldName: number;
  users: readonly UserDto[];
  groups: readonly OnDutyGroupDto[];
  loadingPeople: boolean;
  onRemove: (() => void) | null;
}

/** One level of the chain: its wait and its recipients of each kind. */
export function PolicyLevelFields({ index, fieldName, users, groups, loadingPeople, onRemove }: PolicyLevelFieldsProps) {
  const { t } = useTranslation();
  const roleOptions = ROLES.map((role: Role) => ({ value: role, label: t(`role.${role}`) }));
  return (
    <Card
      size="small"
      className="policy-level"
      title={t('dutyAdmin.policies.level', { level: index + 1 })}
      data-testid={`policy-level-${index + 1}`}
      extra={
        onRemove && (
          <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('dutyAdmin.policies.removeLevel')} data-testid="policy-level-remove" />
        )
      }
    >
      <Form.Item
        name={[fieldName, 'waitMinutes']}
        label={t('dutyAdmin.policies.wait')}
        extra={index === 0 ? t('dutyAdmin.policies.waitFirstHint') : t('dutyAdmin.policies.waitHint')}
        rules={[{ required: true, message: t('dutyAdmin.sites.required') }]}
      >
        <InputNumber min={0} max={ESCALATION_POLICY_LIMITS.maxWaitSeconds / 60} step={1} className="full-width" data-testid="policy-level-wait" />
      </Form.Item>
      <div className="policy-level__checks">
        <Form.Item name={[fieldName, 'assignedResponders']} valuePropName="checked" noStyle>
          <Checkbox data-testid="policy-level-assigned">{t('dutyAdmin.policies.assignedResponders')}</Checkbox>
        </Form.Item>
        <Form.Item name={[fieldName, 'clusterLead']} valuePropName="checked" noStyle>
          <Checkbox data-testid="policy-level-cluster-lead">{t('dutyAdmin.policies.clusterLead')}</Checkbox>
        </Form.Item>
      </div>
      <Form.Item name={[fieldName, 'roles']} label={t('dutyAdmin.policies.roles')}>
        <Select<Role[]> mode="multiple" allowClear options={roleOptions} data-testid="policy-level-roles" />
      </Form.Item>
      <Form.Item name={[fieldName, 'groups']} label={t('dutyAdmin.policies.groups')}>
        <Select<string[]>
          mode="multiple"
          allowClear
          loading={loadingPeople}
          showSearch={{ filterOption: matches }}
          options={groups.map((group) => ({ value: group.id, label: group.name }))}
          data-testid="policy-level-groups"
        />
      </Form.Item>
      <Form.Item name={[fieldName, 'people']} label={t('dutyAdmin.policies.people')}>
        <Select<string[]>
          mode="multiple"
          allowClear
          loading={loadingPeople}
          showSearch={{ filterOption: matches }}
          options={users.filter((user) => user.active).map((user) => ({ value: user.id, label: `${user.displayName} (${t(`role.${user.role}`)})` }))}
          data-testid="policy-level-people"
        />
      </Form.Item>
      <Form.Item name={[fieldName, 'recipients']} className="policy-level__recipients">
        <RecipientsLine />
      </Form.Item>
    </Card>
  );
}
