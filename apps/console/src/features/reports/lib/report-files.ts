import type { SituationReportSummaryDto } from '@netduty/contracts';

/** The name a downloaded report is saved under (the server's Content-Disposition says the same). */
export function reportFileName(report: Pick<SituationReportSummaryDto, 'kind' | 'numberLabel'>, format: 'pdf' | 'xlsx'): string {
  const base = { situation: 'bao-cao-tinh-hinh', flash: 'bao-cao-nhanh', cyber_initial: 'bao-cao-ban-dau-su-co-attt', cyber_progress: 'bao-cao-dien-bien-su-co-attt' }[report.kind];
  const [number, symbol = ''] = report.numberLabel.split('/');
  return `${base}-so-${number ?? ''}-${symbol.toLowerCase()}`.replace(/[^a-z0-9-]+/g, '-') + `.${format}`;
}
