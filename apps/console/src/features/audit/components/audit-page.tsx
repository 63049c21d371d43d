import { ClearOutlined, DownloadOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { AuditEntryDto, AuditOutcome } from '@netduty/contracts';
import { AUDIT_OUTCOMES } from '@netduty/contracts';
import { Alert, App, AutoComplete, Button, Card, DatePicker, Input, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onDutyVi } from '../../../i18n/locales/on-duty.vi';
import { DATE_TIME_SECONDS_FORMAT, dayjs, formatDateTime } from '../../../lib/date-time';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useNotifyError } from '../../../lib/use-notify-error';
import { RoleTag } from '../../auth/components/role-tag';
import { downloadAuditCsv } from '../api/audit.api';
import { useAuditPage } from '../hooks/use-audit';
import {
  AUDIT_ACTION_SUGGESTIONS,
  AUDIT_PAGE_SIZES,
  auditExportFileName,
  DEFAULT_AUDIT_PAGE_SIZE,
  EMPTY_AUDIT_FILTERS,
  toAuditQuery,
  toExportQuery,
  type AuditFilters,
} from '../lib/audit-filters';
import { saveBlob } from '../lib/save-blob';
import { AuditEntryDetail } from './audit-entry-detail';
import { i18n } from '../../../i18n/i18n';
import { registerOnDutyStrings } from '../../../i18n/register-on-duty-strings';

// This area's strings load with it, not in the first load.
registerOnDutyStrings(i18n);

type AuditActionKey = keyof typeof onDutyVi.audit.action;

/** "auth.login" → its label key ("auth_login"), when the console knows the action. */
function actionLabelKey(action: string): AuditActionKey | null {
  const key = action.replace(/\./g, '_');
  return key in onDutyVi.audit.action ? (key as AuditActionKey) : null;
}

const OUTCOME_COLOR: Readonly<Record<AuditOutcome, string>> = { success: 'green', denied: 'orange', failed: 'red' };

const TEXT_DEBOUNCE_MS = 350;

/** /audit: who did what, when, from where; newest first, filtered on the server, exportable as CSV. */
export function AuditPage() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const notifyError = useNotifyError();
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<number>(DEFAULT_AUDIT_PAGE_SIZE);
  const [exporting, setExporting] = useState(false);
  // Typing in the text boxes waits for a pause; the selects and dates apply at once.
  const applied = useDebouncedValue(filters, filters.actor || filters.action ? TEXT_DEBOUNCE_MS : 0);
  const query = useMemo(() => toAuditQuery(applied, page, pageSize), [applied, page, pageSize]);
  const audit = useAuditPage(query);

  const change = (next: Partial<AuditFilters>) => {
    setFilters((current) => ({ ...current, ...next }));
    setPage(1);
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      saveBlob(await downloadAuditCsv(toExportQuery(applied)), auditExportFileName(new Date()));
      notification.success({ title: t('audit.exported') });
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<AuditEntryDto> = [
    {
      key: 'at',
      title: t('audit.columns.at'),
      width: 170,
      render: (_, entry) => <span className="mono-digits">{formatDateTime(entry.at, DATE_TIME_SECONDS_FORMAT)}</span>,
    },
    {
      key: 'actor',
      title: t('audit.columns.actor'),
      width: 250,
      render: (_, entry) =>
        entry.actorUsername ? (
          <span className="audit-actor">
            <span className="mono" data-testid="audit-actor">
              {entry.actorUsername}
            </span>
            {entry.actorRole && <RoleTag role={entry.actorRole} className="audit-actor__role" />}
          </span>
        ) : (
          // No user: a refused anonymous request, or the system itself (seed, worker) when there was no request.
          <span className="muted">{entry.method ? t('audit.anonymous') : t('audit.system')}</span>
        ),
    },
    {
      key: 'action',
      title: t('audit.columns.action'),
      width: 260,
      render: (_, entry) => {
        const labelKey = actionLabelKey(entry.action);
        return (
          <div className="cell-stack">
            <span className="mono" data-testid="audit-action">
              {entry.action}
            </span>
            {labelKey && <span className="cell-sub muted">{t(`audit.action.${labelKey}`)}</span>}
          </div>
        );
      },
    },
    {
      key: 'entity',
      title: t('audit.columns.entity'),
      width: 200,
      render: (_, entry) =>
        entry.entityType ? (
          <span title={entry.entityId ?? undefined}>
            {entry.entityType}
            {entry.entityId && <span className="muted mono"> · {entry.entityId.slice(0, 8)}</span>}
          </span>
        ) : (
          <span className="muted">{t('common.none')}</span>
        ),
    },
    {
      key: 'outcome',
      title: t('audit.columns.outcome'),
      width: 130,
      render: (_, entry) => (
        <Tag color={OUTCOME_COLOR[entry.outcome]} data-testid="audit-outcome">
          {t(`audit.outcome.${entry.outcome}`)}
        </Tag>
      ),
    },
    {
      key: 'status',
      title: t('audit.columns.status'),
      width: 90,
      align: 'right',
      render: (_, entry) => <span className="mono-digits">{entry.statusCode ?? t('common.none')}</span>,
    },
    { key: 'ip', title: t('audit.columns.ip'), width: 150, render: (_, entry) => <span className="mono">{entry.ip ?? t('common.none')}</span> },
  ];

  const dateValue = filters.dateRange ? ([dayjs(filters.dateRange[0]), dayjs(filters.dateRange[1])] as const) : null;

  return (
    <div className="audit-page" data-testid="audit-page">
      <Card size="small" className="page-card" title={t('audit.title')}>
        <div className="audit-filters" data-testid="audit-filters">
          <Input
            allowClear
            prefix={<SearchOutlined />}
            className="audit-filter"
            placeholder={t('audit.filters.actor')}
            aria-label={t('audit.filters.actor')}
            value={filters.actor}
            onChange={(event) => change({ actor: event.target.value })}
            data-testid="audit-filter-actor"
          />
          <AutoComplete
            allowClear
            className="audit-filter audit-filter--wide"
            placeholder={t('audit.filters.action')}
            aria-label={t('audit.filters.action')}
            value={filters.action}
            onChange={(value: string | undefined) => change({ action: value ?? '' })}
            options={AUDIT_ACTION_SUGGESTIONS.filter((action) => action.startsWith(filters.action.trim())).map((action) => ({ value: action }))}
            data-testid="audit-filter-action"
          />
          <Select<AuditOutcome>
            allowClear
            className="audit-filter"
            placeholder={t('audit.filters.outcome')}
            aria-label={t('audit.filters.outcome')}
            value={filters.outcome}
            onChange={(outcome) => change({ outcome })}
            options={AUDIT_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`audit.outcome.${outcome}`) }))}
            data-testid="audit-filter-outcome"
          />
          <DatePicker.RangePicker
            className="audit-filter audit-filter--dates"
            format="DD/MM/YYYY"
            value={dateValue ? [dateValue[0], dateValue[1]] : null}
            onChange={(range) =>
              change({ dateRange: range?.[0] && range[1] ? [range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD')] : undefined })
            }
            placeholder={[t('audit.filters.from'), t('audit.filters.to')]}
            data-testid="audit-filter-dates"
          />
          <Button icon={<ClearOutlined />} onClick={() => change(EMPTY_AUDIT_FILTERS)} data-testid="audit-filters-clear">
            {t('audit.filters.clear')}
          </Button>
          <span className="admin-toolbar__spacer" />
          <Button icon={<ReloadOutlined />} onClick={() => void audit.refetch()} loading={audit.isFetching && !audit.isLoading}>
            {t('audit.reload')}
          </Button>
          <Button type="primary" icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()} data-testid="audit-export">
            {t('audit.export')}
          </Button>
        </div>
        <p className="audit-hint muted">{t('audit.timeZoneHint')}</p>
        {audit.isError && <Alert type="error" showIcon title={audit.error.message} />}
        <Table<AuditEntryDto>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={audit.data?.items ?? []}
          loading={audit.isLoading || (audit.isFetching && audit.isPlaceholderData)}
          expandable={{ expandedRowRender: (entry) => <AuditEntryDetail entry={entry} /> }}
          onRow={(entry) => ({ role: 'row', 'data-testid': `audit-row-${entry.action}` })}
          pagination={{
            current: page,
            pageSize,
            total: audit.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: AUDIT_PAGE_SIZES.map(String),
            showTotal: (total, [first, last]) => t('audit.range', { first, last, total }),
            onChange: (nextPage, nextSize) => {
              setPage(nextSize !== pageSize ? 1 : nextPage);
              setPageSize(nextSize);
            },
          }}
          scroll={{ x: 1200 }}
          data-testid="audit-table"
        />
      </Card>
    </div>
  );
}
