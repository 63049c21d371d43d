import { FieldTimeOutlined, FileTextOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { IncidentDto } from '@netduty/contracts';
import { Button } from 'antd';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { i18n } from '../../../i18n/i18n';
import { registerStrings } from '../../../i18n/register-strings';
import { useCan } from '../../auth/hooks/use-session';
import { useReportsStrings, type ReportsStringKey } from '../hooks/use-reports-strings';
import { reportsEn } from '../i18n/reports.en';
import { reportsVi } from '../i18n/reports.vi';
import { incidentReportKinds, type IncidentReportKind } from '../lib/incident-reports';
import '../incident-reports.css';

// The reports area's strings come with the incident detail's chunk, not the first load.
registerStrings(i18n, reportsVi, reportsEn);

// The form, the result and the downloads load on the first click only.
const IncidentReportDialog = lazy(() => import('./incident-report-dialog').then((module) => ({ default: module.IncidentReportDialog })));

const BUTTONS: Readonly<Record<IncidentReportKind, { label: ReportsStringKey; icon: ReactNode }>> = {
  flash: { label: 'reports.incident.flash', icon: <FileTextOutlined /> },
  cyber_initial: { label: 'reports.incident.cyberInitial', icon: <SafetyCertificateOutlined /> },
  cyber_progress: { label: 'reports.incident.cyberProgress', icon: <FieldTimeOutlined /> },
};

/**
 * On an incident's detail, for those who generate reports (situation_report.write, the duty officers):
 * the flash report on any incident, and on a cyber-security incident the initial and progress forms
 * of QĐ 05/2017/QĐ-TTg. Each opens a small form, generates the report and offers its PDF and Excel.
 */
export function IncidentReportActions({ incident }: { incident: Pick<IncidentDto, 'id' | 'reference' | 'category'> }) {
  const t = useReportsStrings();
  const canGenerate = useCan('situation_report.write');
  const [open, setOpen] = useState<IncidentReportKind | null>(null);
  if (!canGenerate) return null;
  return (
    <section className="incident-report-actions" aria-label={t('reports.incident.title')} data-testid="incident-report-actions">
      <span className="incident-report-actions__title">{t('reports.incident.title')}</span>
      <div className="incident-report-actions__buttons">
        {incidentReportKinds(incident.category).map((kind) => (
          <Button key={kind} icon={BUTTONS[kind].icon} onClick={() => setOpen(kind)} data-testid={`incident-report-${kind}`}>
            {t(BUTTONS[kind].label)}
          </Button>
        ))}
      </div>
      {open && (
        <Suspense fallback={null}>
          <IncidentReportDialog incident={incident} kind={open} onKindChange={setOpen} onClose={() => setOpen(null)} />
        </Suspense>
      )}
    </section>
  );
}
