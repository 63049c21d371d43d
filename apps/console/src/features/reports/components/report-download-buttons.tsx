import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { SituationReportSummaryDto } from '@netduty/contracts';
import { Button } from 'antd';
import { useReportDownload } from '../hooks/use-report-download';
import { useReportsStrings } from '../hooks/use-reports-strings';

/** A report's PDF and Excel, rendered by the server from the stored report (the /reports list, its drawer, the incident's report dialog). */
export function ReportDownloadButtons({ report, size = 'small' }: { report: Pick<SituationReportSummaryDto, 'id' | 'kind' | 'numberLabel'>; size?: 'small' | 'middle' }) {
  const t = useReportsStrings();
  const { busy, save } = useReportDownload(report);
  return (
    <>
      <Button size={size} icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => void save('pdf')} data-testid="report-pdf">
        {t('reports.actions.pdf')}
      </Button>
      <Button size={size} icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => void save('xlsx')} data-testid="report-xlsx">
        {t('reports.actions.xlsx')}
      </Button>
    </>
  );
}
