import { CheckOutlined, FormOutlined, PlusOutlined } from '@ant-design/icons';
import { LANGUAGES, REPORT_KINDS, REPORT_LIMITS, type Language, type ReportKind } from '@netduty/contracts';
import { Alert, App, Button, Card, DatePicker, Drawer, Empty, Input, List, Pagination, Popconfirm, Select, Skeleton, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { i18n } from '../../../i18n/i18n';
import { registerStrings } from '../../../i18n/register-strings';
import { dayjs, DISPLAY_TIME_ZONE, formatDateTime } from '../../../lib/date-time';
import { useLayoutSize } from '../../../lib/use-layout-size';
import { useNotifyError } from '../../../lib/use-notify-error';
import { usePermissions } from '../../auth/hooks/use-session';
import { hasPermission } from '../../auth/lib/access';
import { REPORTS_PAGE_SIZE } from '../api/reports.api';
import { useGenerateReport, useReport, useReports, useSaveRemarks, useSignOffReport } from '../hooks/use-reports';
import { useReportsStrings } from '../hooks/use-reports-strings';
import { reportsEn } from '../i18n/reports.en';
import { reportsVi } from '../i18n/reports.vi';
import { reportsPageParams } from '../lib/incident-reports';
import '../reports.css';
import { ReportDownloadButtons } from './report-download-buttons';

// This area's strings load with it, not in the first load.
registerStrings(i18n, reportsVi, reportsEn);

const KIND_COLOURS: Record<ReportKind, string> = { situation: 'blue', flash: 'volcano', cyber_initial: 'purple', cyber_progress: 'magenta' };

/** Generate on demand: a period (in the province's time) and a language. */
function GenerateCard({ onGenerated }: { onGenerated: (id: string) => void }) {
  const t = useReportsStrings();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const generate = useGenerateReport();
  const [from, setFrom] = useState<Dayjs | null>(() => dayjs().tz(DISPLAY_TIME_ZONE).startOf('day'));
  const [to, setTo] = useState<Dayjs | null>(() => dayjs().tz(DISPLAY_TIME_ZONE));
  const [language, setLanguage] = useState<Language>('vi');

  const submit = async () => {
    if (!from || !to) {
      void message.warning(t('reports.generate.needPeriod'));
      return;
    }
    try {
      const report = await generate.mutateAsync({ from: from.toISOString(), to: to.toISOString(), language });
      void message.success(t('reports.generate.done', { number: report.numberLabel }));
      onGenerated(report.id);
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Card size="small" title={t('reports.generate.title')} className="reports-generate" data-testid="reports-generate">
      <div className="reports-generate__fields">
        <label className="reports-field">
          <span>{t('reports.generate.from')}</span>
          <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" value={from} onChange={setFrom} aria-label={t('reports.generate.from')} data-testid="reports-from" />
        </label>
        <label className="reports-field">
          <span>{t('reports.generate.to')}</span>
          <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" value={to} onChange={setTo} aria-label={t('reports.generate.to')} data-testid="reports-to" />
        </label>
        <label className="reports-field">
          <span>{t('reports.generate.language')}</span>
          <Select<Language>
            value={language}
            onChange={setLanguage}
            aria-label={t('reports.generate.language')}
            options={LANGUAGES.map((value) => ({ value, label: t(`reports.language.${value}`) }))}
          />
        </label>
        <Button type="primary" icon={<PlusOutlined />} loading={generate.isPending} onClick={() => void submit()} data-testid="reports-generate-submit">
          {t('reports.generate.submit')}
        </Button>
      </div>
    </Card>
  );
}

/** One report: its figures, the duty officer's remarks, and the sign-off (the current shift lead). */
function ReportDrawer({ id, onClose, canWrite, canSignOff }: { id: string | null; onClose: () => void; canWrite: boolean; canSignOff: boolean }) {
  const t = useReportsStrings();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { phone } = useLayoutSize();
  const report = useReport(id);
  const saveRemarks = useSaveRemarks();
  const signOff = useSignOffReport();
  const [draft, setDraft] = useState<{ id: string; text: string } | null>(null);
  const data = report.data;
  const text = draft && data && draft.id === data.id ? draft.text : (data?.remarks ?? '');
  const totals = data?.snapshot.situation?.totals;
  const signed = data?.signedOffAt != null;

  const save = async () => {
    if (!data) return;
    try {
      await saveRemarks.mutateAsync({ id: data.id, remarks: text });
      setDraft(null);
      void message.success(t('reports.detail.remarksSaved'));
    } catch (error) {
      notifyError(error);
    }
  };
  const sign = async () => {
    if (!data) return;
    try {
      await signOff.mutateAsync(data.id);
      void message.success(t('reports.detail.signedOff'));
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      // On a phone the drawer takes the whole width; nothing pans sideways at 390 px.
      size={phone ? '100%' : 640}
      className="reports-drawer"
      title={data ? t('reports.detail.title', { kind: t(`reports.kind.${data.kind}`), number: data.numberLabel }) : ''}
      destroyOnHidden
      data-testid="report-drawer"
    >
      {report.isPending && <Skeleton active />}
      {data && (
        <div className="reports-detail">
          <p className="reports-detail__period">{t('reports.list.period', { from: formatDateTime(data.periodFrom), to: formatDateTime(data.periodTo) })}</p>
          {totals && (
            <p>
              {t('reports.detail.figures', { reported: totals.reported, resolved: totals.resolved, open: totals.openAtEnd, breaches: totals.breaches, escalations: totals.escalations })}
            </p>
          )}
          <div className="reports-detail__downloads">
            <ReportDownloadButtons report={data} />
          </div>
          <h4>{t('reports.detail.remarks')}</h4>
          {signed && <Alert type="info" showIcon title={t('reports.detail.remarksFrozen')} />}
          <Input.TextArea
            value={text}
            onChange={(event) => setDraft({ id: data.id, text: event.target.value })}
            placeholder={t('reports.detail.remarksPlaceholder')}
            maxLength={REPORT_LIMITS.remarksMaxLength}
            autoSize={{ minRows: 4, maxRows: 12 }}
            disabled={!canWrite || signed}
            aria-label={t('reports.detail.remarks')}
            data-testid="report-remarks"
          />
          <div className="reports-detail__actions">
            {canWrite && !signed && (
              <Button icon={<FormOutlined />} loading={saveRemarks.isPending} onClick={() => void save()} data-testid="report-save-remarks">
                {t('reports.detail.saveRemarks')}
              </Button>
            )}
            {canSignOff && !signed && (
              <Popconfirm title={t('reports.detail.signOffConfirm')} onConfirm={() => void sign()}>
                <Button type="primary" icon={<CheckOutlined />} loading={signOff.isPending} data-testid="report-sign-off">
                  {t('reports.detail.signOff')}
                </Button>
              </Popconfirm>
            )}
          </div>
          {canSignOff && !signed && <p className="reports-detail__hint">{t('reports.detail.signOffHint')}</p>}
          {signed && data.signedOffBy && (
            <Tag color="green" icon={<CheckOutlined />}>
              {t('reports.list.signedOff', { name: data.signedOffBy.displayName, time: formatDateTime(data.signedOffAt) })}
            </Tag>
          )}
        </div>
      )}
    </Drawer>
  );
}

/**
 * /reports: the reports to leadership (situation reports on the schedule and on demand, flash reports,
 * cyber-incident forms), newest first, each to download as PDF or Excel; duty officers generate one for
 * a chosen period, write their remarks, and the current shift lead signs it off.
 */
export function ReportsPage() {
  const t = useReportsStrings();
  const permissions = usePermissions();
  const canWrite = hasPermission(permissions, 'situation_report.write');
  const canSignOff = hasPermission(permissions, 'situation_report.sign_off');
  // An incident's report dialog links here with the report's kind and id (?kind=flash&open=<id>).
  const [searchParams] = useSearchParams();
  const [initial] = useState(() => reportsPageParams(searchParams));
  const [kind, setKind] = useState<ReportKind | null>(initial.kind);
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(initial.open);
  const reports = useReports(kind, page);

  return (
    <div className="reports-page" data-testid="reports-page">
      <h2 className="reports-page__title">{t('reports.title')}</h2>
      <p className="reports-page__intro">{t('reports.intro')}</p>
      {canWrite && <GenerateCard onGenerated={setOpenId} />}
      <div className="reports-toolbar">
        <Select<ReportKind | 'all'>
          className="reports-toolbar__kind"
          value={kind ?? 'all'}
          aria-label={t('reports.filter.kind')}
          onChange={(value) => {
            setKind(value === 'all' ? null : value);
            setPage(1);
          }}
          options={[{ value: 'all', label: t('reports.filter.allKinds') }, ...REPORT_KINDS.map((value) => ({ value, label: t(`reports.kind.${value}`) }))]}
        />
        {reports.data && <span className="reports-toolbar__total">{t('reports.list.total', { count: reports.data.total })}</span>}
      </div>
      {reports.isError && <Alert type="error" showIcon title={t('reports.list.loadFailed')} description={reports.error.message} />}
      {reports.isPending ? (
        <Skeleton active />
      ) : (
        <List
          className="reports-list"
          dataSource={reports.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('reports.list.empty')} /> }}
          renderItem={(report) => (
            <List.Item key={report.id} className="reports-item" data-testid="report-item">
              <div className="reports-item__head">
                <Tag color={KIND_COLOURS[report.kind]}>{t(`reports.kind.${report.kind}`)}</Tag>
                <strong>{t('reports.list.number', { number: report.numberLabel })}</strong>
                <Tag>{t(`reports.trigger.${report.trigger}`)}</Tag>
                {report.signedOffAt ? (
                  <Tag color="green" icon={<CheckOutlined />}>
                    {t('reports.list.signedOff', { name: report.signedOffBy?.displayName ?? '', time: formatDateTime(report.signedOffAt) })}
                  </Tag>
                ) : (
                  <Tag color="default">{t('reports.list.notSigned')}</Tag>
                )}
              </div>
              <div className="reports-item__meta">
                <span>{t('reports.list.period', { from: formatDateTime(report.periodFrom), to: formatDateTime(report.periodTo) })}</span>
                <span>{t('reports.list.generatedAt', { time: formatDateTime(report.generatedAt) })}</span>
              </div>
              <div className="reports-item__actions">
                <ReportDownloadButtons report={report} />
                <Button size="small" onClick={() => setOpenId(report.id)} data-testid="report-open">
                  {t('reports.actions.open')}
                </Button>
              </div>
            </List.Item>
          )}
        />
      )}
      {reports.data && reports.data.total > REPORTS_PAGE_SIZE && (
        <Pagination className="reports-pagination" current={page} pageSize={REPORTS_PAGE_SIZE} total={reports.data.total} onChange={setPage} showSizeChanger={false} size="small" />
      )}
      <ReportDrawer id={openId} onClose={() => setOpenId(null)} canWrite={canWrite} canSignOff={canSignOff} />
    </div>
  );
}
