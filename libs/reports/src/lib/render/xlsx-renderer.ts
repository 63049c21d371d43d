import { Workbook, type Worksheet } from 'exceljs';
import { spreadsheetCell } from '@netduty/domain';
import type { ReportBlock, ReportModel, TableBlock } from '../model/report-model';
import { isSubsection } from '../model/section-numbering';

const COLUMNS = 10;

function mergedLine(sheet: Worksheet, text: string, style: { bold?: boolean; italic?: boolean; size?: number; align?: 'left' | 'center' } = {}): void {
  const row = sheet.addRow([spreadsheetCell(text)]);
  sheet.mergeCells(row.number, 1, row.number, COLUMNS);
  const cell = row.getCell(1);
  cell.font = { name: 'Times New Roman', bold: style.bold ?? false, italic: style.italic ?? false, size: style.size ?? 12 };
  cell.alignment = { horizontal: style.align ?? 'left', vertical: 'top', wrapText: true };
  if (text.length > 110) row.height = Math.ceil(text.length / 110) * 16;
}

function writeTable(sheet: Worksheet, block: TableBlock): void {
  if (block.rows.length === 0) {
    mergedLine(sheet, block.empty, { italic: true });
    return;
  }
  const header = sheet.addRow(block.columns.map((column) => spreadsheetCell(column.header)));
  header.eachCell((cell) => {
    cell.font = { name: 'Times New Roman', bold: true, size: 11 };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  });
  for (const values of block.rows) {
    const row = sheet.addRow(values.map((value) => spreadsheetCell(value)));
    row.eachCell((cell) => {
      cell.font = { name: 'Times New Roman', size: 11 };
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    });
  }
  if (block.note) mergedLine(sheet, block.note, { italic: true, size: 10 });
}

function writeBlock(sheet: Worksheet, block: ReportBlock): void {
  if (block.kind === 'paragraph') mergedLine(sheet, block.text);
  else writeTable(sheet, block);
}

/**
 * Renders a report model to an XLSX workbook: one sheet in the shape of the PDF (header, title, numbered
 * sections, tables, sign-off), every text cell written through spreadsheetCell (no formula injection).
 */
export async function renderXlsx(model: ReportModel, generatedAt: Date): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'NetDuty';
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  const sheet = workbook.addWorksheet(model.language === 'vi' ? 'Báo cáo' : 'Report', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = Array.from({ length: COLUMNS }, (_unused, index) => ({ width: index === 0 ? 8 : index === 2 ? 30 : 16 }));

  // The header in two halves, as on paper: the agency on the left, the national motto on the right.
  const halves: [string, string][] = [
    [model.header.parent, model.header.motto],
    [model.header.agency, model.header.mottoSub],
    [model.header.number, model.header.dateLine],
  ];
  halves.forEach(([left, right], index) => {
    const row = sheet.addRow([spreadsheetCell(left), '', '', '', spreadsheetCell(right)]);
    sheet.mergeCells(row.number, 1, row.number, 4);
    sheet.mergeCells(row.number, 5, row.number, COLUMNS);
    row.getCell(1).font = { name: 'Times New Roman', size: 12, bold: index === 1 };
    row.getCell(5).font = { name: 'Times New Roman', size: 12, bold: index < 2, italic: index === 2 };
    row.getCell(1).alignment = { horizontal: 'center' };
    row.getCell(5).alignment = { horizontal: 'center' };
  });
  sheet.addRow([]);
  mergedLine(sheet, model.title, { bold: true, size: 14, align: 'center' });
  for (const line of model.subtitle) mergedLine(sheet, line, { italic: true, align: 'center' });
  sheet.addRow([]);
  for (const section of model.sections) {
    mergedLine(sheet, section.heading, { bold: true });
    for (const block of section.blocks) {
      if (isSubsection(block)) {
        mergedLine(sheet, block.heading, { bold: true });
        for (const inner of block.blocks) writeBlock(sheet, inner);
      } else writeBlock(sheet, block);
    }
    sheet.addRow([]);
  }
  mergedLine(sheet, model.signature.role, { bold: true, align: 'center' });
  mergedLine(sheet, model.signature.status, { italic: true, align: 'center' });
  if (model.signature.name) mergedLine(sheet, model.signature.name, { bold: true, align: 'center' });
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}
