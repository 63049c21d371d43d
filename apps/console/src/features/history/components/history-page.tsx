import { ClearOutlined, DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { IncidentDto, IncidentExportFormat } from '@netduty/contracts';
import { foldForSearch } from '@netduty/domain';
import { Alert, App, Button, Card, DatePicker, Input, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { dayjs, formatDateTime } from '../../../lib/date-time';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useNotifyError } from '../../../lib/use-notify-error';
import { saveBlob } from '../../audit/lib/save-blob';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { downloadIncidentExport } from '../../incidents/api/incidents.api';
import { useIncidentPages } from '../../incidents/hooks/use-incident-queries';
import { SeverityTag } from '../../incidents/components/severity-tag';
import { useCommunes, useOperators } from '../../reference/hooks/use-reference-data';
import { communeOption, type CommuneOption } from '../../reference/lib/commune-option';
import { EMPTY_HISTORY_FILTERS, historyExportFileName, toHistoryQuery, type HistoryFilters } from '../lib/history-filters';
import { currentLanguage, i18n } from '../../../i18n/i18n';
import { registerOnDutyStrings } from '../../../i18n/register-on-duty-strings';

// This area's strings load with it, not in the first load.
registerOnDutyStrings(i18n);

const NO_INCIDENTS: IncidentDto[] = [];

/** Closed incidents, which leave the board: found by reference, site, commune, operator and period. */
export function HistoryPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<HistoryFilters>(EMPTY_HISTORY_FILTERS);
  const text = useDebouncedValue(filters.text, 300);
  const query = useMemo(() => toHistoryQuery({ ...filters, text }), [filters, text]);
  const list = useIncidentPages(query);
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? NO_INCIDENTS, [list.data]);
  const operators = useOperators();
  const communes = useCommunes();
  const singleOperator = useCurrentUser()?.role === 'cluster_staff';
  const change = (patch: Partial<HistoryFilters>) => setFilters((current) => ({ ...current, ...patch }));
  const { notification } = App.useApp();
  const notifyError = useNotifyError();
  const [exporting, setExporting] = useState<IncidentExportFormat | null>(null);
  const exportAs = async (format: IncidentExportFormat) => {
    setExporting(format);
    try {
      const language = currentLanguage(i18n.language);
      saveBlob(await downloadIncidentExport(query, format, language), historyExportFileName(new Date(), format, language));
      notification.success({ title: t('history.exported') });
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(null);
    }
  };
  const dateValue = filters.dateRange ? ([dayjs(filters.dateRange[0]), dayjs(filters.dateRange[1])] as const) : null;

  const columns = useMemo<ColumnsType<IncidentDto>>(
    () => [
      { key: 'reference', title: t('board.columns.reference'), width: 130, render: (_, incident) => <span className="reference">{incident.reference}</span> },
      { key: 'reportedAt', title: t('history.columns.reportedAt'), width: 150, render: (_, incident) => formatDateTime(incident.reportedAt) },
      { key: 'closedAt', title: t('history.columns.closedAt'), width: 150, render: (_, incident) => formatDateTime(incident.closedAt) },
      { key: 'severity', title: t('board.columns.severity'), width: 120, render: (_, incident) => <SeverityTag severity={incident.severity} /> },
      { key: 'category', title: t('board.columns.category'), width: 180, render: (_, incident) => t(`category.${incident.category}`) },
      {
        key: 'site',
        title: t('board.columns.site'),
        render: (_, incident) => (
          <div className="cell-stack">
            <span className="site-code">{incident.site.code}</span>
            <span className="ellipsis" title={incident.site.name}>
              {incident.site.name}
            </span>
          </div>
        ),
      },
      { key: 'commune', title: t('board.columns.commune'), width: 170, render: (_, incident) => incident.site.commune.name },
      { key: 'operator', title: t('board.columns.operator'), width: 110, render: (_, incident) => incident.site.operator.name },
    ],
    [t],
  );

  return (
    <Card title={t('history.title')} className="history-page" data-testid="history-page">
      <div className="admin-toolbar">
        <Input
          allowClear
          className="board-filter board-filter--search"
          prefix={<SearchOutlined />}
          placeholder={t('history.search')}
          aria-label={t('history.search')}
          value={filters.text}
          onChange={(event) => change({ text: event.target.value })}
          data-testid="history-search"
        />
        {!singleOperator && (
          <Select
            mode="multiple"
            allowClear
            className="board-filter"
            placeholder={t('history.operator')}
            aria-label={t('history.operator')}
            maxTagCount="responsive"
            options={(operators.data ?? []).map((operator) => ({ value: operator.code, label: operator.name }))}
            value={filters.operator}
            onChange={(operator) => change({ operator })}
            data-testid="history-operator"
          />
        )}
        <Select<string[], CommuneOption>
          mode="multiple"
          allowClear
          className="board-filter board-filter--wide"
          placeholder={t('history.commune')}
          aria-label={t('history.commune')}
          maxTagCount="responsive"
          options={(communes.data ?? []).map(communeOption)}
          showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(foldForSearch(input)) }}
          value={filters.commune}
          onChange={(commune) => change({ commune })}
          data-testid="history-commune"
        />
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          aria-label={t('history.period')}
          value={dateValue ? [dateValue[0], dateValue[1]] : null}
          onChange={(range) =>
            change({ dateRange: range?.[0] && range[1] ? [range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD')] : undefined })
          }
          placeholder={[t('history.from'), t('history.to')]}
          data-testid="history-period"
        />
        <Button icon={<ClearOutlined />} onClick={() => setFilters(EMPTY_HISTORY_FILTERS)}>
          {t('board.filters.clear')}
        </Button>
        <Button icon={<DownloadOutlined />} loading={exporting === 'csv'} disabled={exporting !== null} onClick={() => void exportAs('csv')} data-testid="history-export-csv">
          {t('history.exportCsv')}
        </Button>
        <Button icon={<DownloadOutlined />} loading={exporting === 'xlsx'} disabled={exporting !== null} onClick={() => void exportAs('xlsx')} data-testid="history-export-xlsx">
          {t('history.exportXlsx')}
        </Button>
      </div>
      {list.isError && <Alert type="error" showIcon title={t('board.loadFailed')} description={list.error.message} />}
      <Table<IncidentDto>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={list.isLoading}
        pagination={false}
        locale={{ emptyText: t('history.empty') }}
        onRow={(incident) => ({
          onClick: () => void navigate(`/incidents/${incident.id}`),
          'data-testid': `history-row-${incident.reference}`,
        })}
        footer={() => (
          <div className="history-footer">
            <span className="muted">{t('history.shown', { count: items.length })}</span>
            {list.hasNextPage && (
              <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="history-load-more">
                {t('history.loadMore')}
              </Button>
            )}
          </div>
        )}
      />
    </Card>
  );
}
