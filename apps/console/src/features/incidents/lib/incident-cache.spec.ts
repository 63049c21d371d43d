import type { IncidentDto, IncidentPage } from '@netduty/contracts';
import type { InfiniteData } from '@tanstack/react-query';
import { deadline, incidentFixture, isoAt } from '../../../testing/incident-fixture';
import { applyIncidentToPages, matchesListQuery } from './incident-cache';

function pages(...chunks: { items: IncidentDto[]; more?: boolean }[]): InfiniteData<IncidentPage, string | undefined> {
  return {
    pages: chunks.map((chunk, index) => ({ items: chunk.items, nextCursor: chunk.more ? `cursor-${index}` : null, limit: 50 })),
    pageParams: chunks.map((_, index) => (index === 0 ? undefined : `cursor-${index - 1}`)),
  };
}
const ids = (data: InfiniteData<IncidentPage, string | undefined>) => data.pages.map((page) => page.items.map((item) => item.id));
/** A reported incident whose acknowledge deadline is `dueOffset` seconds after T0. */
const dueIn = (dueOffset: number, overrides: Partial<IncidentDto> = {}) => {
  const acknowledge = deadline('acknowledge', 0, dueOffset);
  return incidentFixture({ acknowledgeDeadline: acknowledge, nextDeadline: acknowledge, ...overrides });
};

describe('applyIncidentToPages', () => {
  it('puts a new incident where the server orders it, on the page it falls in', () => {
    const [a, b, c] = [dueIn(100), dueIn(300), dueIn(500)];
    const created = dueIn(200);
    const next = applyIncidentToPages(pages({ items: [a, b], more: true }, { items: [c] }), created, { open: true });
    expect(ids(next)).toEqual([[a.id, created.id, b.id], [c.id]]);
  });

  it('leaves an incident ordered past the last loaded row for the next page to bring', () => {
    const [a, b] = [dueIn(100), dueIn(300)];
    const later = dueIn(900);
    const current = pages({ items: [a, b], more: true });
    expect(applyIncidentToPages(current, later, { open: true })).toBe(current);
    // …but appends it when every page is loaded.
    expect(ids(applyIncidentToPages(pages({ items: [a, b] }), later, { open: true }))).toEqual([[a.id, b.id, later.id]]);
  });

  it('moves an updated incident to its new place (a deadline that changed)', () => {
    const [a, b, c] = [dueIn(100), dueIn(300), dueIn(500)];
    const moved = { ...a, nextDeadline: deadline('restore', 0, 400), status: 'acknowledged' as const, updatedAt: isoAt(60) };
    expect(ids(applyIncidentToPages(pages({ items: [a, b] , more: true}, { items: [c] }), moved, { open: true }))).toEqual([[b.id], [moved.id, c.id]]);
  });

  it('removes an incident that no longer matches (closed, or filtered out)', () => {
    const incident = dueIn(100);
    const closed = { ...incident, status: 'closed' as const, nextDeadline: null, updatedAt: isoAt(60) };
    expect(ids(applyIncidentToPages(pages({ items: [incident] }), closed, { open: true }))).toEqual([[]]);
    const downgraded = { ...incident, severity: 'minor' as const, updatedAt: isoAt(60) };
    expect(ids(applyIncidentToPages(pages({ items: [incident] }), downgraded, { severity: ['critical', 'major'] }))).toEqual([[]]);
  });

  it('ignores an older version than the cached one (an event overtaken by a refetch)', () => {
    const fresh = incidentFixture({ status: 'acknowledged', updatedAt: isoAt(120) });
    const stale = { ...fresh, status: 'reported' as const, updatedAt: isoAt(60) };
    const current = pages({ items: [fresh] });
    expect(applyIncidentToPages(current, stale, { open: true })).toBe(current);
  });

  it('leaves the pages alone for an incident that neither is on them nor matches them', () => {
    const current = pages({ items: [incidentFixture()] });
    expect(applyIncidentToPages(current, incidentFixture({ severity: 'warning' }), { severity: ['critical'] })).toBe(current);
  });
});

describe('matchesListQuery', () => {
  it('keeps the children of a mass-outage parent off the top level, and lists only them under their parent', () => {
    const child = dueIn(100, { parentIncidentId: 'parent-1' });
    const loose = dueIn(100);
    expect(matchesListQuery(child, { open: true, topLevel: true })).toBe(false);
    expect(matchesListQuery(loose, { open: true, topLevel: true })).toBe(true);
    expect(matchesListQuery(child, { open: true })).toBe(true);
    expect(matchesListQuery(child, { open: true, parent: 'parent-1' })).toBe(true);
    expect(matchesListQuery(child, { open: true, parent: 'parent-2' })).toBe(false);
    expect(matchesListQuery(loose, { open: true, parent: 'parent-1' })).toBe(false);
  });

  it('drops a child from the grouped board once it is filed under a parent on that board', () => {
    const parent = dueIn(50, { id: 'parent-1' });
    const incident = dueIn(100);
    const filed = { ...incident, parentIncidentId: 'parent-1', updatedAt: isoAt(60) };
    const next = applyIncidentToPages(pages({ items: [parent, incident] }), filed, { open: true, topLevel: true });
    expect(ids(next)).toEqual([['parent-1']]);
  });

  it('keeps a child at the top of a board that does not show its parent (a responder assigned to the child)', () => {
    const incident = dueIn(100);
    const filed = { ...incident, parentIncidentId: 'parent-elsewhere', updatedAt: isoAt(60) };
    const next = applyIncidentToPages(pages({ items: [incident] }), filed, { open: true, topLevel: true });
    expect(ids(next)).toEqual([[incident.id]]);
  });

  it('filters by operator and commune of the site', () => {
    const incident = incidentFixture();
    expect(matchesListQuery(incident, { operator: ['viettel'], commune: ['05980'] })).toBe(true);
    expect(matchesListQuery(incident, { operator: ['vnpt'] })).toBe(false);
    expect(matchesListQuery(incident, { commune: ['99999'] })).toBe(false);
  });

  it('searches like the server: the reference, or the site and commune without diacritics', () => {
    const incident = incidentFixture();
    expect(matchesListQuery(incident, { q: incident.reference.slice(-3) })).toBe(true);
    expect(matchesListQuery(incident, { q: 'dong kinh' })).toBe(true);
    expect(matchesListQuery(incident, { q: 'lsn0324' })).toBe(true);
    expect(matchesListQuery(incident, { q: 'cao loc' })).toBe(false);
  });

  it('filters by the period the incident was reported in', () => {
    const incident = incidentFixture();
    expect(matchesListQuery(incident, { from: isoAt(-60), to: isoAt(60) })).toBe(true);
    expect(matchesListQuery(incident, { from: isoAt(60) })).toBe(false);
    expect(matchesListQuery(incident, { to: incident.reportedAt })).toBe(false);
  });
});
