import { DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { FieldProblem, SiteDetailDto } from '@netduty/contracts';
import { SITE_DEPENDENCY_CSV_COLUMNS, SITE_DEPENDENCY_CSV_MAX_PROBLEMS } from '@netduty/contracts';
import { App, Button, Input, Table, Tag, Tooltip, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { describeFieldProblem } from '../../../lib/field-problem';
import { useNotifyError } from '../../../lib/use-notify-error';
import { saveBlob } from '../../audit/lib/save-blob';
import { downloadSiteDependencies, SITE_LIST_LIMIT } from '../api/duty-admin.api';
import { useImportSiteDependencies, useSiteList } from '../hooks/use-duty-admin';
import { importProblemPlace } from '../lib/import-problems';
import { SiteDrawer, type SiteEditing } from './site-drawer';

const DEPENDENCIES_FILE_NAME = 'netduty-site-dependencies.csv';

/**
 * The site register, searched like the report form (the api answers the first 50 by rank); create and
 * edit; the sites' upstreams and battery profiles exported and imported in bulk as a CSV file.
 */
export function SitesTab() {
  const { t } = useTranslation();
  const { modal, notification } = App.useApp();
  const notifyError = useNotifyError();
  const [term, setTerm] = useState('');
  const sites = useSiteList(term);
  const importFile = useImportSiteDependencies();
  const [exporting, setExporting] = useState(false);
  const [editing, setEditing] = useState<SiteEditing>(null);

  /** A problem of the file, at its row and column as the administrator's spreadsheet shows them. */
  const describeImportProblem = (problem: FieldProblem): string => {
    const words = describeFieldProblem(t, problem);
    const place = importProblemPlace(problem.field);
    if (!place) return words;
    return place.column === null
      ? t('dutyAdmin.sites.problemAtRow', { row: place.row, problem: words })
      : t('dutyAdmin.sites.problemAtCell', { row: place.row, column: place.column, problem: words });
  };

  const importDependencies = (file: File): false => {
    importFile.mutate(file, {
      onSuccess: (result) => notification.success({ title: t('dutyAdmin.sites.imported', { updated: result.updated, unchanged: result.unchanged }) }),
      onError: (error) => {
        const problems = isApiError(error) && error.code === 'validation_failed' ? (error.body.fields ?? []) : [];
        if (problems.length === 0) return notifyError(error);
        modal.error({
          title: t('dutyAdmin.sites.importRefused'),
          width: 640,
          content: (
            <div data-testid="site-import-problems">
              <p>{t('dutyAdmin.sites.importRefusedHint')}</p>
              <ul>
                {problems.map((problem, index) => (
                  <li key={index}>{describeImportProblem(problem)}</li>
                ))}
              </ul>
              {problems.length >= SITE_DEPENDENCY_CSV_MAX_PROBLEMS ? <p>{t('dutyAdmin.sites.importMoreProblems')}</p> : null}
            </div>
          ),
        });
      },
    });
    // The file is sent by the mutation above, not by the upload control.
    return false;
  };

  const exportDependencies = async () => {
    setExporting(true);
    try {
      saveBlob(await downloadSiteDependencies(), DEPENDENCIES_FILE_NAME);
      notification.success({ title: t('dutyAdmin.sites.exported') });
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<SiteDetailDto> = [
    { key: 'code', title: t('dutyAdmin.sites.code'), render: (_, site) => <strong>{site.code}</strong> },
    { key: 'name', title: t('dutyAdmin.sites.name'), render: (_, site) => site.name },
    { key: 'kind', title: t('dutyAdmin.sites.kind'), render: (_, site) => t(`siteKind.${site.kind}`) },
    { key: 'operator', title: t('dutyAdmin.sites.operator'), render: (_, site) => site.operator.name },
    { key: 'commune', title: t('dutyAdmin.sites.commune'), render: (_, site) => site.commune.name },
    { key: 'priority', title: t('dutyAdmin.sites.priority'), render: (_, site) => <Tag color={site.priority === 'P0' ? 'red' : undefined}>{site.priority}</Tag> },
    { key: 'feeder', title: t('dutyAdmin.sites.feederColumn'), render: (_, site) => site.powerFeeder ?? '—' },
    {
      key: 'actions',
      title: '',
      align: 'right',
      render: (_, site) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ site })} data-testid="site-edit">
          {t('dutyAdmin.edit')}
        </Button>
      ),
    },
  ];

  return (
    <div className="admin-tab" data-testid="sites-tab">
      <div className="admin-toolbar">
        <Input.Search
          allowClear
          className="admin-toolbar__search"
          placeholder={t('dutyAdmin.sites.search')}
          value={term}
          onChange={(event) => setTerm(event.target.value)}
          data-testid="sites-search"
        />
        <span className="admin-toolbar__spacer" />
        <Tooltip title={t('dutyAdmin.sites.csvHint', { columns: SITE_DEPENDENCY_CSV_COLUMNS.join(', ') })}>
          <Upload accept=".csv,text/csv" showUploadList={false} beforeUpload={importDependencies} disabled={importFile.isPending}>
            <Button icon={<UploadOutlined />} loading={importFile.isPending} data-testid="site-dependencies-import">
              {t('dutyAdmin.sites.importCsv')}
            </Button>
          </Upload>
        </Tooltip>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportDependencies()} data-testid="site-dependencies-export">
          {t('dutyAdmin.sites.exportCsv')}
        </Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ site: null })} data-testid="site-create">
          {t('dutyAdmin.sites.create')}
        </Button>
      </div>
      <div className="muted tab-intro">{t('dutyAdmin.sites.shown', { count: SITE_LIST_LIMIT })}</div>
      <Table<SiteDetailDto>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={sites.data ?? []}
        loading={sites.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <SiteDrawer editing={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
