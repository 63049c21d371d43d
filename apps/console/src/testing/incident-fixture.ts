import type { DeadlineDto, IncidentDto } from '@netduty/contracts';

const T0 = Date.parse('2026-11-22T02:00:00Z');

export function isoAt(offsetSeconds: number): string {
  return new Date(T0 + offsetSeconds * 1000).toISOString();
}

export const FIXTURE_NOW_MS = T0;

export function deadline(kind: DeadlineDto['kind'], startsOffset: number, dueOffset: number): DeadlineDto {
  return { kind, startsAt: isoAt(startsOffset), dueAt: isoAt(dueOffset) };
}

let sequence = 0;

/** A reported incident at T0 with a 5-minute acknowledge and 2-hour restore window, overridable. */
export function incidentFixture(overrides: Partial<IncidentDto> = {}): IncidentDto {
  sequence += 1;
  const acknowledgeDeadline = deadline('acknowledge', 0, 300);
  return {
    id: `incident-${sequence}`,
    reference: `SC-${sequence.toString().padStart(6, '0')}`,
    site: {
      id: 'site-1',
      code: 'LSN0324-11',
      name: 'Trạm BTS Đông Kinh 1',
      kind: 'bts',
      operator: { code: 'viettel', name: 'Viettel', kind: 'telecom' },
      commune: { code: '05980', name: 'Phường Đông Kinh', divisionType: 'phường', formerDistrict: 'Thành phố Lạng Sơn' },
      state: 'in_service',
      downKind: null,
      priority: 'P1',
      latitude: 21.85,
      longitude: 106.76,
    },
    category: 'mains_failure',
    severity: 'major',
    priority: 'P1',
    status: 'reported',
    description: 'Mất điện lưới',
    reporterName: 'Nguyễn Văn A',
    reportedBy: null,
    reporterPhone: null,
    responders: [],
    reportedAt: isoAt(0),
    acknowledgedAt: null,
    resolvedAt: null,
    closedAt: null,
    acknowledgeDeadline,
    restoreDeadline: deadline('restore', 0, 7200),
    nextDeadline: acknowledgeDeadline,
    escalationLevel: 0,
    allowedActions: ['acknowledge'],
    origin: 'manual',
    parentIncidentId: null,
    correlation: null,
    flapping: false,
    updatedAt: isoAt(0),
    ...overrides,
  };
}
