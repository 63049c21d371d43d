import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ClusterDto, OperatorCode } from '@netduty/contracts';
import { Alert, Button, Segmented, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunes, useOperators } from '../../reference/hooks/use-reference-data';
import { useClusters } from '../hooks/use-admin';
import { ClusterDrawer, type ClusterEditing } from './cluster-drawer';

const SHOWN_COMMUNES = 6;

export function ClustersTab() {
  const { t } = useTranslation();
  const clusters = useClusters();
  const operators = useOperators();
  const communes = useCommunes();
  const [operator, setOperator] = useState<OperatorCode | 'all'>('all');
  const [editing, setEditing] = useState<ClusterEditing>(null);

  const operatorName = useMemo(() => new Map((operators.data ?? []).map((entry) => [entry.code as string, entry.name])), [operators.data]);
  const communeName = useMemo(() => new Map((communes.data ?? []).map((commune) => [commune.code, commune.name])), [communes.data]);
  const operatorOrder = useMemo(() => (operators.data ?? []).map((entry) => entry.code as string), [operators.data]);

  // By operator, then by name: the list reads operator by operator.
  const shown = useMemo(
    () =>
      (clusters.data ?? [])
        .filter((cluster) => operator === 'all' || cluster.operator === operator)
        .sort((a, b) => operatorOrder.indexOf(a.operator) - operatorOrder.indexOf(b.operator) || a.name.localeCompare(b.name, 'vi')),
    [clusters.data, operator, operatorOrder],
  );
  const countFor = (code: OperatorCode | 'all') => (clusters.data ?? []).filter((cluster) => code === 'all' || cluster.operator === code).length;

  const columns: ColumnsType<ClusterDto> = [
    {
      key: 'operator',
      title: t('admin.clusters.operator'),
      width: 140,
      render: (_, cluster) => operatorName.get(cluster.operator) ?? cluster.operator,
    },
    { key: 'name', title: t('admin.clusters.name'), width: 280, render: (_, cluster) => <strong>{cluster.name}</strong> },
    {
      key: 'communes',
      title: t('admin.clusters.communes'),
      render: (_, cluster) => {
        const names = cluster.communeCodes.map((code) => communeName.get(code) ?? code);
        return (
          <div className="commune-tags">
            <Tag color="geekblue">{t('admin.clusters.communeCount', { n: names.length })}</Tag>
            {names.slice(0, SHOWN_COMMUNES).map((name) => (
              <Tag key={name}>{name}</Tag>
            ))}
            {names.length > SHOWN_COMMUNES && (
              <Tooltip title={names.slice(SHOWN_COMMUNES).join(', ')}>
                <Tag>+{names.length - SHOWN_COMMUNES}</Tag>
              </Tooltip>
            )}
          </div>
        );
      },
    },
    {
      key: 'actions',
      title: '',
      width: 110,
      align: 'right',
      render: (_, cluster) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', cluster })} data-testid="cluster-edit">
          {t('admin.clusters.edit')}
        </Button>
      ),
    },
  ];

  return (
    <div className="admin-tab" data-testid="clusters-tab">
      <div className="admin-toolbar">
        <Segmented<OperatorCode | 'all'>
          value={operator}
          onChange={setOperator}
          options={[
            { value: 'all', label: `${t('admin.clusters.allOperators')} (${countFor('all')})` },
            ...(operators.data ?? []).map((entry) => ({ value: entry.code, label: `${entry.name} (${countFor(entry.code)})` })),
          ]}
        />
        <span className="admin-toolbar__spacer" />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ mode: 'create', operator: operator === 'all' ? undefined : operator })}
          data-testid="cluster-create"
        >
          {t('admin.clusters.create')}
        </Button>
      </div>
      {clusters.isError && <Alert type="error" showIcon title={clusters.error.message} />}
      <Table<ClusterDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={shown}
        loading={clusters.isLoading}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      />
      <ClusterDrawer editing={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
