import type { IncidentDto, Page } from '@netduty/contracts';
import { incidentFixture, isoAt } from '../../../testing/incident-fixture';
import { applyIncidentToPage, matchesListQuery } from './incident-cache';

function page(...items: IncidentDto[]): Page<IncidentDto> {
  return { items, total: items.length };
}

describe('applyIncidentToPage', () => {
  it('appends a new incident that matches the filters', () => {
    const existing = incidentFixture();
    const created = incidentFixture();
    const next = applyIncidentToPage(page(existing), created, { open: true });
    expect(next.items.map((item) => item.id)).toEqual([existing.id, created.id]);
    expect(next.total).toBe(2);
  });

  it('replaces an incident in place by id', () => {
    const incident = incidentFixture();
    const acknowledged = { ...incident, status: 'acknowledged' as const, updatedAt: isoAt(60) };
    const next = applyIncidentToPage(page(incident), acknowledged, { open: true });
    expect(next.items).toEqual([acknowledged]);
    expect(next.total).toBe(1);
  });

  it('removes an incident that no longer matches (closed, or filtered out)', () => {
    const incident = incidentFixture();
    const closed = { ...incident, status: 'closed' as const, updatedAt: isoAt(60) };
    expect(applyIncidentToPage(page(incident), closed, { open: true })).toEqual({ items: [], total: 0 });

    const downgraded = { ...incident, severity: 'minor' as const, updatedAt: isoAt(60) };
    expect(applyIncidentToPage(page(incident), downgraded, { severity: ['critical', 'major'] }).items).toEqual([]);
  });

  it('ignores an older version than the cached one (an event overtaken by a refetch)', () => {
    const fresh = incidentFixture({ status: 'acknowledged', updatedAt: isoAt(120) });
    const stale = { ...fresh, status: 'reported' as const, updatedAt: isoAt(60) };
    const current = page(fresh);
    expect(applyIncidentToPage(current, stale, { open: true })).toBe(current);
  });

  it('leaves the page alone for an incident that neither is on it nor matches it', () => {
    const current = page(incidentFixture());
    const elsewhere = incidentFixture({ severity: 'warning' });
    expect(applyIncidentToPage(current, elsewhere, { severity: ['critical'] })).toBe(current);
  });
});

describe('matchesListQuery', () => {
  it('filters by operator and commune of the site', () => {
    const incident = incidentFixture();
    expect(matchesListQuery(incident, { operator: ['viettel'], commune: ['05980'] })).toBe(true);
    expect(matchesListQuery(incident, { operator: ['vnpt'] })).toBe(false);
    expect(matchesListQuery(incident, { commune: ['99999'] })).toBe(false);
  });
});
