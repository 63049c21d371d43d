import { sampleSituationReport } from '../testing/sample-report';
import { buildReportModel, type TableBlock } from './report-model';
import { isSubsection } from './section-numbering';

describe('the report model, built from the stored snapshot alone', () => {
  it('has the header of an administrative report: the agency on the left, the motto on the right, number and date', () => {
    const model = buildReportModel(sampleSituationReport(), 'vi');
    expect(model.header).toEqual({
      parent: 'UBND TỈNH LẠNG SƠN',
      agency: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      number: 'Số: 12/BC-SKHCN',
      motto: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      mottoSub: 'Độc lập - Tự do - Hạnh phúc',
      dateLine: 'Lạng Sơn, ngày 05 tháng 12 năm 2026',
    });
    expect(model.title).toBe('BÁO CÁO TÌNH HÌNH');
    expect(model.subtitle).toContain('Từ 17:00 ngày 04/12/2026 đến 07:00 ngày 05/12/2026');
  });

  it('numbers the sections and fills the tables with the snapshot rows', () => {
    const model = buildReportModel(sampleSituationReport(), 'vi');
    expect(model.sections.map((section) => section.heading)).toEqual([
      'I. TÌNH HÌNH CHUNG',
      'II. SỰ CỐ ĐANG XỬ LÝ',
      'III. QUÁ HẠN VÀ CHUYỂN CẤP',
      'IV. TRẠM ĐÃ KHÔI PHỤC',
      'V. Ý KIẾN CỦA CÁN BỘ TRỰC',
    ]);
    const overview = model.sections[0]?.blocks ?? [];
    expect(overview[0]).toEqual(expect.objectContaining({ kind: 'paragraph', text: expect.stringContaining('tiếp nhận 2 sự cố, đã khắc phục 1 sự cố') }));
    const byCategory = overview.find((block) => isSubsection(block) && block.heading === '1. Theo loại sự cố');
    expect(byCategory && isSubsection(byCategory) ? (byCategory.blocks[0] as TableBlock).rows : []).toEqual([
      ['1', 'Mất điện lưới', '1', '0', '1'],
      ['2', 'Đứt cáp quang', '1', '1', '0'],
    ]);
    const open = model.sections[1]?.blocks[0] as TableBlock;
    expect(open.rows).toEqual([['1', 'SC-000101 (!)', 'LSN0324-11 Trạm Đông Kinh', 'Viettel', 'Phường Đông Kinh', 'Mất điện lưới', 'Nghiêm trọng P0', 'Đang xử lý', '—', '04/12 20:00']]);
    expect(model.sections[4]?.blocks).toEqual([{ kind: 'paragraph', text: 'Mạng lưới ổn định; tiếp tục theo dõi trạm Đông Kinh.' }]);
  });

  it('shows the signer and the time once signed off, and says it is not signed before', () => {
    expect(buildReportModel(sampleSituationReport(), 'vi').signature).toEqual(expect.objectContaining({ role: 'TRƯỞNG CA TRỰC', status: '(Chưa ký duyệt)', name: 'Nguyễn Văn Đức' }));
    const signed = buildReportModel(sampleSituationReport({ signedOffAt: new Date('2026-12-05T00:20:00Z'), signerName: 'Trần Thị Hạnh' }), 'vi');
    expect(signed.signature).toEqual(expect.objectContaining({ status: 'Đã ký lúc 07:20 ngày 05/12/2026', name: 'Trần Thị Hạnh' }));
  });

  it('reads in English on request, from the same snapshot', () => {
    const model = buildReportModel(sampleSituationReport(), 'en');
    expect(model.header.motto).toBe('SOCIALIST REPUBLIC OF VIET NAM');
    expect(model.header.number).toBe('No.: 12/BC-SKHCN');
    expect(model.sections[0]?.heading).toBe('I. OVERVIEW');
  });

  it('is the same model however often it is built', () => {
    expect(buildReportModel(sampleSituationReport(), 'vi')).toEqual(buildReportModel(sampleSituationReport(), 'vi'));
    expect(buildReportModel(sampleSituationReport(), 'vi').fileBase).toBe('bao-cao-tinh-hinh-so-12-bc-skhcn');
  });

  it('marks the title [DIỄN TẬP] in a drill copy, and only there', () => {
    expect(buildReportModel(sampleSituationReport(), 'vi', { drill: true }).title).toBe('[DIỄN TẬP] BÁO CÁO TÌNH HÌNH');
    expect(buildReportModel(sampleSituationReport(), 'en', { drill: true }).title).toBe('[DIỄN TẬP] SITUATION REPORT');
    expect(buildReportModel(sampleSituationReport(), 'vi').title).toBe('BÁO CÁO TÌNH HÌNH');
  });
});
