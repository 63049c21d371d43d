import type { ReportSnapshotDto } from '@netduty/contracts';
import type { StoredReport } from '../model/report-model';

/** A small situation report as stored: two incidents, one breach, one escalation, one site restored. */
export function sampleSituationReport(overrides: Partial<StoredReport> = {}): StoredReport {
  const snapshot: ReportSnapshotDto = {
    version: 1,
    agency: { parent: 'UBND TỈNH LẠNG SƠN', name: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', place: 'Lạng Sơn', numberSymbol: 'BC-SKHCN' },
    shiftLead: { id: 'u-lead', displayName: 'Nguyễn Văn Đức', phone: '0912000001' },
    generatedBy: null,
    situation: {
      eventPeriod: { id: 'p1', name: 'Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVIII' },
      totals: { reported: 2, resolved: 1, openAtEnd: 1, breaches: 1, escalations: 1, sitesRestored: 1 },
      byCategory: [
        { key: 'mains_failure', label: 'mains_failure', reported: 1, resolved: 0, openAtEnd: 1 },
        { key: 'fibre_cut', label: 'fibre_cut', reported: 1, resolved: 1, openAtEnd: 0 },
      ],
      byOperator: [{ key: 'viettel', label: 'Viettel', reported: 2, resolved: 1, openAtEnd: 1 }],
      byCommune: [{ key: '05977', label: 'Phường Đông Kinh', reported: 2, resolved: 1, openAtEnd: 1 }],
      openIncidents: [
        {
          id: 'i1',
          reference: 'SC-000101',
          siteCode: 'LSN0324-11',
          siteName: 'Trạm Đông Kinh',
          operatorCode: 'viettel',
          operatorName: 'Viettel',
          communeName: 'Phường Đông Kinh',
          category: 'mains_failure',
          severity: 'critical',
          priority: 'P0',
          status: 'in_progress',
          reportedAt: '2026-12-04T11:00:00.000Z',
          acknowledgeDueAt: null,
          restoreDueAt: '2026-12-04T13:00:00.000Z',
          breached: true,
          escalationLevel: 2,
        },
      ],
      breaches: [{ incidentId: 'i1', reference: 'SC-000101', siteCode: 'LSN0324-11', operatorName: 'Viettel', kind: 'restore', dueAt: '2026-12-04T13:00:00.000Z', metAt: null }],
      escalations: [{ incidentId: 'i1', reference: 'SC-000101', siteCode: 'LSN0324-11', kind: 'restore', level: 1, manual: false, firedAt: '2026-12-04T13:00:05.000Z' }],
      sitesRestored: [{ siteId: 's2', siteCode: 'Huu-Lung_LSN', siteName: 'Trạm Hữu Lũng', operatorName: 'VNPT', communeName: 'Xã Hữu Lũng', restoredAt: '2026-12-04T20:00:00.000Z' }],
      truncated: { openIncidents: 0, breaches: 0, escalations: 0, sitesRestored: 0 },
    },
    incident: null,
    cyber: null,
  };
  return {
    id: 'r1',
    kind: 'situation',
    number: 12,
    periodFrom: new Date('2026-12-04T10:00:00.000Z'),
    periodTo: new Date('2026-12-05T00:00:00.000Z'),
    generatedAt: new Date('2026-12-05T00:00:03.000Z'),
    snapshot,
    remarks: 'Mạng lưới ổn định; tiếp tục theo dõi trạm Đông Kinh.',
    signedOffAt: null,
    signerName: null,
    ...overrides,
  };
}
