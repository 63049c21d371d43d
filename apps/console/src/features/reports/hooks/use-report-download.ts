import type { SituationReportSummaryDto } from '@netduty/contracts';
import { useState } from 'react';
import { useNotifyError } from '../../../lib/use-notify-error';
import { saveBlob } from '../../audit/lib/save-blob';
import { downloadReport } from '../api/reports.api';
import { reportFileName } from '../lib/report-files';

export type ReportFormat = 'pdf' | 'xlsx';

/** Fetches a report's file as the server renders it and hands it to the browser under its name. */
export function useReportDownload(report: Pick<SituationReportSummaryDto, 'id' | 'kind' | 'numberLabel'>): { busy: ReportFormat | null; save: (format: ReportFormat) => Promise<void> } {
  const notifyError = useNotifyError();
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const save = async (format: ReportFormat) => {
    setBusy(format);
    try {
      saveBlob(await downloadReport(report.id, format), reportFileName(report, format));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };
  return { busy, save };
}
