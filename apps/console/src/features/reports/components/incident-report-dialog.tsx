import { REPORT_LIMITS, LANGUAGES, type IncidentDto, type Language, type SituationReportDto } from '@netduty/contracts';
import { Alert, Button, Checkbox, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { isApiError } from '../../../lib/api-client';
import { useLayoutSize } from '../../../lib/use-layout-size';
import { useNotifyError } from '../../../lib/use-notify-error';
import { useGenerateIncidentReport } from '../hooks/use-reports';
import { useReportsStrings } from '../hooks/use-reports-strings';
import { EMPTY_CYBER_FORM, incidentReportRefusal, incidentReportRequest, reportInListPath, type CyberFormValues, type IncidentReportKind, type IncidentReportRefusal } from '../lib/incident-reports';
import { ReportDownloadButtons } from './report-download-buttons';

const CYBER_TEXTS = ['summary', 'measuresTaken', 'requests'] as const;

/**
 * The form of one report on an incident (the language; on a cyber form what was seen, what was done and
 * what is asked), then the report generated: its number, its PDF and Excel, and where it is listed.
 */
export function IncidentReportDialog({
  incident,
  kind,
  onKindChange,
  onClose,
}: {
  incident: Pick<IncidentDto, 'id' | 'reference'>;
  kind: IncidentReportKind;
  onKindChange: (kind: IncidentReportKind) => void;
  onClose: () => void;
}) {
  const t = useReportsStrings();
  const { phone } = useLayoutSize();
  const notifyError = useNotifyError();
  const generate = useGenerateIncidentReport();
  const [language, setLanguage] = useState<Language>('vi');
  const [values, setValues] = useState<CyberFormValues>(EMPTY_CYBER_FORM);
  const [report, setReport] = useState<SituationReportDto | null>(null);
  const [refusal, setRefusal] = useState<IncidentReportRefusal | null>(null);
  const cyber = kind !== 'flash';
  const kindLabel = t(`reports.kind.${kind}`);

  const submit = async () => {
    setRefusal(null);
    try {
      setReport(await generate.mutateAsync({ incidentId: incident.id, request: incidentReportRequest(kind, language, values) }));
    } catch (error) {
      const known = isApiError(error) ? incidentReportRefusal(error.body) : null;
      if (known) setRefusal(known);
      else notifyError(error);
    }
  };

  const footer = report
    ? [
        <Button key="close" type="primary" onClick={onClose} data-testid="incident-report-close">
          {t('reports.incident.close')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose}>
          {t('reports.incident.cancel')}
        </Button>,
        <Button key="submit" type="primary" loading={generate.isPending} onClick={() => void submit()} data-testid="incident-report-submit">
          {t('reports.incident.submit')}
        </Button>,
      ];

  return (
    <Modal
      open
      onCancel={onClose}
      title={t('reports.incident.dialogTitle', { kind: kindLabel, reference: incident.reference })}
      footer={footer}
      // On a phone the dialog spans the screen (less antd's margins); nothing pans sideways at 390 px.
      width={phone ? '100%' : 600}
      destroyOnHidden
      maskClosable={!generate.isPending}
      className="incident-report-dialog"
      data-testid="incident-report-dialog"
    >
      {report ? (
        <div className="incident-report-dialog__done" data-testid="incident-report-done">
          <Alert type="success" showIcon title={t('reports.incident.done', { kind: kindLabel, number: report.numberLabel })} />
          <span>{t('reports.incident.downloadHint')}</span>
          <div className="incident-report-dialog__downloads">
            <ReportDownloadButtons report={report} size="middle" />
          </div>
          <Link to={reportInListPath(report)} onClick={onClose} data-testid="incident-report-in-list">
            {t('reports.incident.openInList')}
          </Link>
        </div>
      ) : (
        <div className="incident-report-dialog__form">
          <p className="incident-report-dialog__hint">{t(cyber ? 'reports.incident.cyberHint' : 'reports.incident.flashHint')}</p>
          {refusal === 'initial_report_missing' && (
            <Alert
              type="warning"
              showIcon
              title={t('reports.incident.initialMissing')}
              action={
                <Button size="small" onClick={() => {
                    setRefusal(null);
                    onKindChange('cyber_initial');
                  }} data-testid="incident-report-file-initial">
                  {t('reports.incident.fileInitial')}
                </Button>
              }
              data-testid="incident-report-initial-missing"
            />
          )}
          {refusal === 'not_a_cyber_incident' && <Alert type="error" showIcon title={t('reports.incident.notCyber')} />}
          <label className="incident-report-field">
            <span>{t('reports.generate.language')}</span>
            <Select<Language>
              value={language}
              onChange={setLanguage}
              aria-label={t('reports.generate.language')}
              options={LANGUAGES.map((value) => ({ value, label: t(`reports.language.${value}`) }))}
            />
          </label>
          {cyber && (
            <>
              {CYBER_TEXTS.map((field) => (
                <label key={field} className="incident-report-field">
                  <span>{t(`reports.incident.${field}`)}</span>
                  <Input.TextArea
                    value={values[field]}
                    onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
                    maxLength={REPORT_LIMITS.cyberTextMaxLength}
                    autoSize={{ minRows: 2, maxRows: 8 }}
                    aria-label={t(`reports.incident.${field}`)}
                    data-testid={`incident-report-${field}`}
                  />
                </label>
              ))}
              <Checkbox
                checked={values.beyondCapability}
                onChange={(event) => setValues((current) => ({ ...current, beyondCapability: event.target.checked }))}
                data-testid="incident-report-beyond-capability"
              >
                {t('reports.incident.beyondCapability')}
              </Checkbox>
            </>
          )}
        </div>
      )}
    </Modal>
  );
}
