import fc from 'fast-check';
import { SOCKET_ROOMS } from '@netduty/contracts';
import type { IncidentScope } from './access-policy';
import { roomsOfRow, roomsOfScope, scopeFilterOf, scopeSees, type ScopedRow } from './scope-filter';

const operators = fc.constantFrom('viettel', 'vnpt', 'mobifone');
const communes = fc.uniqueArray(fc.constantFrom('c1', 'c2', 'c3', 'c4'), { maxLength: 4 });
const responderIds = fc.uniqueArray(fc.constantFrom('r1', 'r2', 'r3'), { maxLength: 3 });

const scopes: fc.Arbitrary<IncidentScope> = fc.oneof(
  fc.constant<IncidentScope>({ kind: 'all' }),
  fc.record({ kind: fc.constant('operator' as const), operatorCode: operators, communeCodes: fc.option(communes, { nil: null }) }),
  fc.record({ kind: fc.constant('responder' as const), responderId: fc.constantFrom('r1', 'r2', 'r3') }),
);
const rows: fc.Arbitrary<ScopedRow> = fc.record({ operatorCode: operators, communeCodes: communes, assigneeIds: responderIds });

const incident = (operatorCode: string, commune: string, assigneeIds: string[] = []): ScopedRow => ({ operatorCode, communeCodes: [commune], assigneeIds });

describe('scope filter', () => {
  it('turns each kind of scope into its filter, communes deduplicated and sorted', () => {
    expect(scopeFilterOf({ kind: 'all' })).toEqual({ kind: 'all' });
    expect(scopeFilterOf({ kind: 'operator', operatorCode: 'vnpt', communeCodes: null })).toEqual({ kind: 'operator', operatorCode: 'vnpt', communeCodes: null });
    expect(scopeFilterOf({ kind: 'operator', operatorCode: 'vnpt', communeCodes: ['c2', 'c1', 'c2'] })).toEqual({
      kind: 'operator',
      operatorCode: 'vnpt',
      communeCodes: ['c1', 'c2'],
    });
    expect(scopeFilterOf({ kind: 'responder', responderId: 'r1' })).toEqual({ kind: 'assignee', responderId: 'r1' });
  });

  it('lets the all-seeing scope see every row', () => {
    expect(scopeSees({ kind: 'all' }, incident('vnpt', 'c1'))).toBe(true);
  });

  it("limits an operator's staff to their operator, and a cluster's staff to rows touching one of its communes", () => {
    const whole = scopeFilterOf({ kind: 'operator', operatorCode: 'vnpt', communeCodes: null });
    const cluster = scopeFilterOf({ kind: 'operator', operatorCode: 'vnpt', communeCodes: ['c1', 'c2'] });
    expect(scopeSees(whole, incident('vnpt', 'c9'))).toBe(true);
    expect(scopeSees(whole, incident('viettel', 'c1'))).toBe(false);
    expect(scopeSees(cluster, incident('vnpt', 'c2'))).toBe(true);
    expect(scopeSees(cluster, incident('vnpt', 'c3'))).toBe(false);
    expect(scopeSees(cluster, incident('viettel', 'c1'))).toBe(false);
    // A cluster (or its responder) overlapping the caller's communes in one commune is seen.
    expect(scopeSees(cluster, { operatorCode: 'vnpt', communeCodes: ['c3', 'c2'], assigneeIds: [] })).toBe(true);
    expect(scopeSees(cluster, { operatorCode: 'vnpt', communeCodes: [], assigneeIds: [] })).toBe(false);
    expect(scopeSees(scopeFilterOf({ kind: 'operator', operatorCode: 'vnpt', communeCodes: [] }), incident('vnpt', 'c1'))).toBe(false);
  });

  it('shows a responder only what is assigned to them', () => {
    const filter = scopeFilterOf({ kind: 'responder', responderId: 'r1' });
    expect(scopeSees(filter, incident('vnpt', 'c1', ['r2', 'r1']))).toBe(true);
    expect(scopeSees(filter, incident('vnpt', 'c1', ['r2']))).toBe(false);
  });

  it('joins the rooms of the scope and nothing else', () => {
    expect(roomsOfScope(scopeFilterOf({ kind: 'all' }))).toEqual([SOCKET_ROOMS.all]);
    expect(roomsOfScope(scopeFilterOf({ kind: 'operator', operatorCode: 'vnpt', communeCodes: null }))).toEqual([SOCKET_ROOMS.operator('vnpt')]);
    expect(roomsOfScope(scopeFilterOf({ kind: 'operator', operatorCode: 'vnpt', communeCodes: ['c2', 'c1'] }))).toEqual([
      SOCKET_ROOMS.operatorCommune('vnpt', 'c1'),
      SOCKET_ROOMS.operatorCommune('vnpt', 'c2'),
    ]);
    expect(roomsOfScope(scopeFilterOf({ kind: 'operator', operatorCode: 'vnpt', communeCodes: [] }))).toEqual([]);
    expect(roomsOfScope(scopeFilterOf({ kind: 'responder', responderId: 'r1' }))).toEqual([SOCKET_ROOMS.responder('r1')]);
  });

  it("delivers an event about a row to a scope's rooms exactly when the scope sees the row", () => {
    fc.assert(
      fc.property(scopes, rows, (scope, row) => {
        const filter = scopeFilterOf(scope);
        const targeted = new Set(roomsOfRow(row));
        expect(roomsOfScope(filter).some((room) => targeted.has(room))).toBe(scopeSees(filter, row));
      }),
      { numRuns: 500 },
    );
  });
});
