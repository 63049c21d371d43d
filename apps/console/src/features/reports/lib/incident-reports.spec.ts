import { incidentReportKinds, incidentReportRefusal, incidentReportRequest, reportInListPath, reportsPageParams } from './incident-reports';

const ID = '0b7c2f0e-3d7a-4a51-9c1e-2f4d8a6b1c11';

describe('the reports one files on an incident', () => {
  it('offers the flash report on any incident, and the cyber forms only on a cyber-security incident', () => {
    expect(incidentReportKinds('fibre_cut')).toEqual(['flash']);
    expect(incidentReportKinds('mains_failure')).toEqual(['flash']);
    expect(incidentReportKinds('cyber_security')).toEqual(['flash', 'cyber_initial', 'cyber_progress']);
  });

  it('sends the flash report its language only', () => {
    expect(incidentReportRequest('flash', 'en')).toEqual({ path: 'flash-report', body: { language: 'en' } });
  });

  it('sends a cyber form its stage, its flag and the texts written, trimmed, leaving out the empty ones', () => {
    const values = { beyondCapability: true, summary: '  Mã độc trên máy chủ quản lý trạm ', measuresTaken: '   ', requests: 'Đề nghị hỗ trợ phân tích' };
    expect(incidentReportRequest('cyber_initial', 'vi', values)).toEqual({
      path: 'cyber-reports',
      body: { stage: 'initial', language: 'vi', beyondCapability: true, summary: 'Mã độc trên máy chủ quản lý trạm', requests: 'Đề nghị hỗ trợ phân tích' },
    });
    expect(incidentReportRequest('cyber_progress', 'vi')).toEqual({ path: 'cyber-reports', body: { stage: 'progress', language: 'vi', beyondCapability: false } });
  });

  it('words the refusals it knows (by the 409 reason), and leaves the others to the general error notice', () => {
    expect(incidentReportRefusal({ code: 'conflict', details: { reason: 'initial_report_missing' } })).toBe('initial_report_missing');
    expect(incidentReportRefusal({ code: 'conflict', details: { reason: 'not_a_cyber_incident' } })).toBe('not_a_cyber_incident');
    expect(incidentReportRefusal({ code: 'conflict', details: { reason: 'report_signed_off' } })).toBeNull();
    expect(incidentReportRefusal({ code: 'forbidden' })).toBeNull();
  });
});

describe('the address of a report in the /reports list', () => {
  it('filters on its kind and opens it, and reads back the same', () => {
    const path = reportInListPath({ id: ID, kind: 'cyber_initial' });
    expect(path).toBe(`/reports?kind=cyber_initial&open=${ID}`);
    expect(reportsPageParams(new URLSearchParams(path.split('?')[1]))).toEqual({ kind: 'cyber_initial', open: ID });
  });

  it('ignores a kind or an id it does not know', () => {
    expect(reportsPageParams(new URLSearchParams('kind=weekly&open=../../etc'))).toEqual({ kind: null, open: null });
    expect(reportsPageParams(new URLSearchParams(''))).toEqual({ kind: null, open: null });
  });
});
