import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { EscalationPolicyDto } from '@netduty/contracts';
import { Button, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/date-time';
import { formatDuration } from '../../../lib/countdown';
import { useOperators } from '../../reference/hooks/use-reference-data';
import { useEscalationPolicies } from '../hooks/use-escalation';
import { PolicyEditorDrawer, type PolicyEditing } from './policy-editor-drawer';

/** The escalation policies: scope, levels (with their waits), repeat; a drawer edits one. */
export function PoliciesTab() {
  const { t } = useTranslation();
  const policies = useEscalationPolicies();
  const operators = useOperators();
  const [editing, setEditing] = useState<PolicyEditing>(null);
  const operatorName = useMemo(() => new Map((operators.data ?? []).map((operator) => [operator.code as string, operator.name])), [operators.data]);

  const columns: ColumnsType<EscalationPolicyDto> = [
    { key: 'name', title: t('dutyAdmin.policies.name'), render: (_, policy) => <strong>{policy.name}</strong> },
    {
      key: 'scope',
      title: `${t('dutyAdmin.policies.operator')} · ${t('dutyAdmin.policies.priority')}`,
      render: (_, policy) => (
        <span>
          {policy.operatorCode ? (operatorName.get(policy.operatorCode) ?? policy.operatorCode) : t('dutyAdmin.any')} · {policy.priority ?? t('dutyAdmin.any')}
        </span>
      ),
    },
    {
      key: 'levels',
      title: t('dutyAdmin.policies.levels'),
      render: (_, policy) => (
        <div className="policy-level-tags">
          {policy.levels.map((level, index) => (
            <Tag key={index}>
              {t('dutyAdmin.policies.level', { level: index + 1 })} · {formatDuration(t, level.waitSeconds)}
            </Tag>
          ))}
        </div>
      ),
    },
    { key: 'repeat', title: t('dutyAdmin.policies.repeatColumn'), render: (_, policy) => policy.repeat },
    { key: 'updatedAt', title: t('dutyAdmin.policies.updatedAt'), render: (_, policy) => formatDateTime(policy.updatedAt) },
    {
      key: 'actions',
      title: '',
      align: 'right',
      render: (_, policy) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ policy })} data-testid="policy-edit" data-policy-name={policy.name}>
          {t('dutyAdmin.edit')}
        </Button>
      ),
    },
  ];

  return (
    <div className="admin-tab" data-testid="escalation-policies-tab">
      <div className="admin-toolbar">
        <span className="admin-toolbar__spacer" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ policy: null })} data-testid="policy-create">
          {t('dutyAdmin.policies.create')}
        </Button>
      </div>
      <Table<EscalationPolicyDto>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={policies.data ?? []}
        loading={policies.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <PolicyEditorDrawer editing={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
