import { rankResponders, type AssignmentSubject, type ResponderCandidate } from './rank-responders';

const site = { latitude: 21.8537, longitude: 106.7615 };
const incident: AssignmentSubject = { operatorCode: 'viettel', communeCode: '06529', position: site };
const kmNorth = (km: number) => ({ latitude: site.latitude + (km * 1000) / 111_195, longitude: site.longitude });

function candidate(id: string, overrides: Partial<ResponderCandidate> = {}): ResponderCandidate {
  return {
    id,
    name: id,
    operatorCode: 'viettel',
    clusterCommuneCodes: ['06529', '06530'],
    onShift: true,
    openAssignments: 0,
    position: kmNorth(1),
    ...overrides,
  };
}

const order = (ranked: ReturnType<typeof rankResponders>) => ranked.map((entry) => entry.candidate.id);

describe('responder ranking', () => {
  it('puts the covering cluster first, even off shift, busier and farther', () => {
    const covering = candidate('covering', { onShift: false, openAssignments: 5, position: kmNorth(30) });
    const otherCommune = candidate('other-commune', { clusterCommuneCodes: ['06600'] });
    const otherOperator = candidate('other-operator', { operatorCode: 'vnpt' });
    expect(order(rankResponders([otherOperator, otherCommune, covering], incident))).toEqual(['covering', 'other-commune', 'other-operator']);
  });

  it('then those on shift now', () => {
    expect(order(rankResponders([candidate('off', { onShift: false, openAssignments: 0 }), candidate('on', { openAssignments: 3 })], incident))).toEqual(['on', 'off']);
  });

  it('then the fewest open assignments', () => {
    expect(order(rankResponders([candidate('busy', { openAssignments: 2, position: kmNorth(0.1) }), candidate('free', { openAssignments: 1 })], incident))).toEqual([
      'free',
      'busy',
    ]);
  });

  it('then the nearest, with unknown positions after every known one', () => {
    const ranked = rankResponders([candidate('unknown', { position: null }), candidate('far', { position: kmNorth(12) }), candidate('near', { position: kmNorth(2) })], incident);
    expect(order(ranked)).toEqual(['near', 'far', 'unknown']);
    expect(ranked.map((entry) => entry.distanceMetres)).toEqual([2000, 12000, null]);
  });

  it('treats every distance as unknown when the site has no position', () => {
    const ranked = rankResponders([candidate('b', { position: kmNorth(1) }), candidate('a', { position: kmNorth(9) })], { ...incident, position: null });
    expect(order(ranked)).toEqual(['a', 'b']);
    expect(ranked.every((entry) => entry.distanceMetres === null)).toBe(true);
  });

  it('breaks full ties by name, then id, whatever order they came in', () => {
    const tied = [candidate('r-3', { name: 'Trần Văn B' }), candidate('r-2', { name: 'Nguyễn Văn A' }), candidate('r-1', { name: 'Trần Văn B' })];
    expect(order(rankResponders(tied, incident))).toEqual(['r-2', 'r-1', 'r-3']);
    expect(order(rankResponders([...tied].reverse(), incident))).toEqual(['r-2', 'r-1', 'r-3']);
  });

  it('ties candidates whose distances round to the same metre, so the name decides', () => {
    const ranked = rankResponders([candidate('z', { position: kmNorth(1) }), candidate('a', { position: { ...kmNorth(1), longitude: site.longitude + 1e-9 } })], incident);
    expect(order(ranked)).toEqual(['a', 'z']);
  });

  it('numbers the places and gives each candidate its reasons in ranking order', () => {
    const ranked = rankResponders(
      [candidate('x', { clusterCommuneCodes: [], onShift: false, openAssignments: 4, position: null }), candidate('y', { openAssignments: 1 })],
      incident,
    );
    expect(ranked.map((entry) => [entry.rank, entry.candidate.id, entry.inCoveringCluster, entry.reasons])).toEqual([
      [1, 'y', true, [{ code: 'in_covering_cluster' }, { code: 'on_shift' }, { code: 'open_assignments', count: 1 }, { code: 'distance', metres: 1000 }]],
      [2, 'x', false, [{ code: 'outside_covering_cluster' }, { code: 'off_shift' }, { code: 'open_assignments', count: 4 }, { code: 'distance_unknown' }]],
    ]);
  });

  it('returns nothing for no candidates and keeps the caller’s objects', () => {
    expect(rankResponders([], incident)).toEqual([]);
    const only = candidate('only');
    expect(rankResponders([only], incident)[0]?.candidate).toBe(only);
  });
});
