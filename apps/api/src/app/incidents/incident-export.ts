import { stringify } from 'csv-stringify/sync';
import { Workbook } from 'exceljs';
import type { IncidentDto, IncidentExportFormat, IsoInstant, Language } from '@netduty/contracts';
import { markForDrill, spreadsheetCell } from '@netduty/domain';
import { CATEGORY_WORDS, SEVERITY_WORDS, STATUS_WORDS, word, zonedParts } from '@netduty/reports';

export const EXPORT_CONTENT_TYPES: Record<IncidentExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

interface Column {
  header: Record<Language, string>;
  width: number;
  cell: (incident: IncidentDto, language: Language) => unknown;
}

const two = (value: number): string => String(value).padStart(2, '0');

/** dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh, as the console shows times; empty when there is none. */
export function exportTime(at: IsoInstant | null): string {
  if (!at) return '';
  const { year, month, day, hour, minute } = zonedParts(new Date(at));
  return `${two(day)}/${two(month)}/${year} ${two(hour)}:${two(minute)}`;
}

/** The export's columns, in order; the labels are the reports' words for the wire's enumerations. */
const COLUMNS: readonly Column[] = [
  { header: { vi: 'Mã sự cố', en: 'Reference' }, width: 14, cell: (incident) => incident.reference },
  { header: { vi: 'Mã trạm', en: 'Site code' }, width: 16, cell: (incident) => incident.site.code },
  { header: { vi: 'Tên trạm', en: 'Site name' }, width: 32, cell: (incident) => incident.site.name },
  { header: { vi: 'Doanh nghiệp', en: 'Operator' }, width: 16, cell: (incident) => incident.site.operator.name },
  { header: { vi: 'Xã/phường', en: 'Commune' }, width: 20, cell: (incident) => incident.site.commune.name },
  { header: { vi: 'Loại sự cố', en: 'Category' }, width: 26, cell: (incident, language) => word(CATEGORY_WORDS, incident.category, language) },
  { header: { vi: 'Mức độ', en: 'Severity' }, width: 14, cell: (incident, language) => word(SEVERITY_WORDS, incident.severity, language) },
  { header: { vi: 'Ưu tiên', en: 'Priority' }, width: 9, cell: (incident) => incident.priority },
  { header: { vi: 'Trạng thái', en: 'Status' }, width: 15, cell: (incident, language) => word(STATUS_WORDS, incident.status, language) },
  { header: { vi: 'Thời điểm báo', en: 'Reported at' }, width: 17, cell: (incident) => exportTime(incident.reportedAt) },
  { header: { vi: 'Thời điểm tiếp nhận', en: 'Acknowledged at' }, width: 17, cell: (incident) => exportTime(incident.acknowledgedAt) },
  { header: { vi: 'Thời điểm khắc phục', en: 'Resolved at' }, width: 17, cell: (incident) => exportTime(incident.resolvedAt) },
  { header: { vi: 'Thời điểm đóng', en: 'Closed at' }, width: 17, cell: (incident) => exportTime(incident.closedAt) },
  { header: { vi: 'Hạn tiếp nhận', en: 'Acknowledge due' }, width: 17, cell: (incident) => exportTime(incident.acknowledgeDeadline.dueAt) },
  { header: { vi: 'Hạn khắc phục', en: 'Restore due' }, width: 17, cell: (incident) => exportTime(incident.restoreDeadline.dueAt) },
  { header: { vi: 'Mô tả', en: 'Description' }, width: 60, cell: (incident) => incident.description },
];

/** Every cell goes through spreadsheetCell, as the audit export's do: no cell is ever a formula. */
export function exportHeader(language: Language): string[] {
  return COLUMNS.map((column) => spreadsheetCell(column.header[language]));
}

export function exportRow(incident: IncidentDto, language: Language): string[] {
  return COLUMNS.map((column) => spreadsheetCell(column.cell(incident, language)));
}

/** The CSV's first chunk: a byte-order mark (Excel reads UTF-8 CSV right only with one) and the header. */
export function csvHeaderChunk(language: Language): string {
  return '\ufeff' + stringify([exportHeader(language)]);
}

export function csvRowsChunk(incidents: IncidentDto[], language: Language): string {
  return stringify(incidents.map((incident) => exportRow(incident, language)));
}

/**
 * One sheet, a bold frozen header, every cell text (times are already the province's wall clock). A drill
 * copy marks the workbook's title and its sheet (a sheet name may not hold "[ ]": "DIỄN TẬP – Sự cố").
 */
export async function xlsxFile(batches: AsyncIterable<IncidentDto[]>, language: Language, drill = false): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'NetDuty';
  const sheetName = language === 'vi' ? 'Sự cố' : 'Incidents';
  workbook.title = markForDrill(language === 'vi' ? 'Sự cố NetDuty' : 'NetDuty incidents', drill);
  const sheet = workbook.addWorksheet(drill ? `DIỄN TẬP – ${sheetName}` : sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((column) => ({ width: column.width }));
  sheet.addRow(exportHeader(language)).font = { bold: true };
  for await (const incidents of batches) for (const incident of incidents) sheet.addRow(exportRow(incident, language));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * "Sự cố NetDuty 2026-12-05.csv" (English: "NetDuty incidents 2026-12-05.csv"), dated in the province;
 * in a drill copy "[DIỄN TẬP] Sự cố NetDuty 2026-12-05.csv".
 */
export function exportFileName(now: Date, format: IncidentExportFormat, language: Language, drill = false): string {
  const { year, month, day } = zonedParts(now);
  const date = `${year}-${two(month)}-${two(day)}`;
  return markForDrill(`${language === 'vi' ? 'Sự cố NetDuty' : 'NetDuty incidents'} ${date}.${format}`, drill);
}
