import { Workbook } from 'exceljs';
import { buildReportModel } from '../model/report-model';
import { sampleSituationReport } from '../testing/sample-report';
import { renderPdf } from './pdf-renderer';
import { renderXlsx } from './xlsx-renderer';

describe('the renderers', () => {
  const report = sampleSituationReport();
  const model = buildReportModel(report, 'vi');

  it('renders a PDF, byte for byte the same each time (a stored report reproduces exactly)', async () => {
    const first = await renderPdf(model, report.generatedAt);
    const second = await renderPdf(model, report.generatedAt);
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
  }, 20_000);

  it('renders an XLSX that reads back with the header, the sections and the rows, formulas neutralised', async () => {
    const hostile = buildReportModel(sampleSituationReport({ remarks: '=HYPERLINK("http://evil")' }), 'vi');
    const workbook = new Workbook();
    await workbook.xlsx.load((await renderXlsx(hostile, report.generatedAt)) as never);
    const sheet = workbook.worksheets[0];
    const texts: string[] = [];
    sheet?.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value ?? ''))));
    expect(texts).toEqual(expect.arrayContaining(['UBND TỈNH LẠNG SƠN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 12/BC-SKHCN', 'I. TÌNH HÌNH CHUNG', 'SC-000101 (!)', '\'=HYPERLINK("http://evil")']));
  });
});
