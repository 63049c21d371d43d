import { auditExportFileName, auditJson, EMPTY_AUDIT_FILTERS, startOfProvinceDay, toAuditQuery, toExportQuery } from './audit-filters';

describe('toAuditQuery', () => {
  it('sends only the page without filters', () => {
    expect(toAuditQuery(EMPTY_AUDIT_FILTERS, 1, 50)).toEqual({ page: 1, pageSize: 50 });
  });

  it('trims the text filters, lower-cases the username and drops a trailing dot of a prefix', () => {
    expect(toAuditQuery({ ...EMPTY_AUDIT_FILTERS, actor: ' TrucBan ', action: 'incident.', outcome: 'denied' }, 3, 25)).toEqual({
      page: 3,
      pageSize: 25,
      actor: 'trucban',
      action: 'incident',
      outcome: 'denied',
    });
  });

  it('turns province days into a UTC range whose end is exclusive', () => {
    const query = toAuditQuery({ ...EMPTY_AUDIT_FILTERS, dateRange: ['2026-11-20', '2026-11-22'] }, 1, 50);
    // 20/11 00:00 in Hà Nội is 19/11 17:00 UTC; the range runs to 23/11 00:00 local.
    expect(query.from).toBe('2026-11-19T17:00:00.000Z');
    expect(query.to).toBe('2026-11-22T17:00:00.000Z');
  });

  it('takes a single day, and a range picked backwards', () => {
    expect(toAuditQuery({ ...EMPTY_AUDIT_FILTERS, dateRange: ['2026-11-22', '2026-11-22'] }, 1, 50)).toMatchObject({
      from: '2026-11-21T17:00:00.000Z',
      to: '2026-11-22T17:00:00.000Z',
    });
    expect(toAuditQuery({ ...EMPTY_AUDIT_FILTERS, dateRange: ['2026-11-22', '2026-11-20'] }, 1, 50)).toMatchObject({
      from: '2026-11-19T17:00:00.000Z',
      to: '2026-11-22T17:00:00.000Z',
    });
  });

  it('crosses month and year ends', () => {
    expect(startOfProvinceDay('2027-01-01')).toBe('2026-12-31T17:00:00.000Z');
    expect(toAuditQuery({ ...EMPTY_AUDIT_FILTERS, dateRange: ['2026-12-31', '2026-12-31'] }, 1, 50).to).toBe('2026-12-31T17:00:00.000Z');
  });
});

describe('toExportQuery', () => {
  it('keeps the filters and leaves out paging', () => {
    expect(toExportQuery({ ...EMPTY_AUDIT_FILTERS, actor: 'admin' })).toEqual({ actor: 'admin' });
  });
});

describe('auditExportFileName', () => {
  it('is dated in the province, not in UTC', () => {
    expect(auditExportFileName(new Date('2026-11-22T18:30:00Z'))).toBe('netduty-audit-2026-11-23.csv');
    expect(auditExportFileName(new Date('2026-11-22T10:00:00Z'))).toBe('netduty-audit-2026-11-22.csv');
  });
});

describe('auditJson', () => {
  it('pretty-prints snapshots and shows nothing for empty ones', () => {
    expect(auditJson({ status: 'reported' })).toBe('{\n  "status": "reported"\n}');
    expect(auditJson(null)).toBeNull();
    expect(auditJson(undefined)).toBeNull();
    expect(auditJson({})).toBeNull();
  });
});
