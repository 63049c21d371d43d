import { decideJourneyStep, nextJourneyStep, type JourneyProgress } from './responder-journey';
import { respondersOnShift } from './responders-on-shift';

const now = new Date('2026-12-07T02:00:00Z');
const earlier = new Date('2026-12-07T01:50:00Z');
const fresh: JourneyProgress = { acceptedAt: null, enRouteAt: null, onSiteAt: null };

describe('the responder journey', () => {
  it('goes accept, then on the way, then on site, stamping each at now', () => {
    expect(decideJourneyStep('in_progress', fresh, 'accept', now)).toEqual({ kind: 'record', changes: { acceptedAt: now } });
    const accepted = { ...fresh, acceptedAt: earlier };
    expect(decideJourneyStep('in_progress', accepted, 'en_route', now)).toEqual({ kind: 'record', changes: { enRouteAt: now } });
    const onTheWay = { ...accepted, enRouteAt: earlier };
    expect(decideJourneyStep('reopened', onTheWay, 'on_site', now)).toEqual({ kind: 'record', changes: { onSiteAt: now } });
    expect(nextJourneyStep({ ...onTheWay, onSiteAt: now })).toBeNull();
  });

  it('answers a repeated step as already taken, whatever the incident has become since', () => {
    const accepted = { ...fresh, acceptedAt: earlier };
    expect(decideJourneyStep('in_progress', accepted, 'accept', now)).toEqual({ kind: 'already_taken' });
    expect(decideJourneyStep('resolved', accepted, 'accept', now)).toEqual({ kind: 'already_taken' });
  });

  it('refuses a step taken before its predecessor, naming the step to take first', () => {
    expect(decideJourneyStep('in_progress', fresh, 'en_route', now)).toEqual({ kind: 'out_of_order', expected: 'accept' });
    expect(decideJourneyStep('in_progress', fresh, 'on_site', now)).toEqual({ kind: 'out_of_order', expected: 'accept' });
    expect(decideJourneyStep('in_progress', { ...fresh, acceptedAt: earlier }, 'on_site', now)).toEqual({ kind: 'out_of_order', expected: 'en_route' });
  });

  it('refuses a new step once the incident is resolved or closed', () => {
    expect(decideJourneyStep('resolved', fresh, 'accept', now)).toEqual({ kind: 'incident_inactive' });
    expect(decideJourneyStep('closed', { ...fresh, acceptedAt: earlier }, 'en_route', now)).toEqual({ kind: 'incident_inactive' });
  });
});

describe('responders on shift', () => {
  const groups = [
    { id: 'g-cluster-a', kind: 'cluster', clusterId: 'cluster-a' },
    { id: 'g-department', kind: 'department', clusterId: null },
  ];
  const roster: Record<string, string[]> = { 'g-cluster-a': ['user-1'], 'g-department': ['user-2'] };
  const onDuty = (groupId: string) => roster[groupId] ?? [];

  it("counts a responder whose account is on duty in their own cluster's group", () => {
    const responders = [
      { responderId: 'r1', clusterId: 'cluster-a', userIds: ['user-1'] },
      // On duty, but in the department's group, not the cluster's.
      { responderId: 'r2', clusterId: 'cluster-a', userIds: ['user-2'] },
      // On duty in cluster A's group, but a responder of cluster B.
      { responderId: 'r3', clusterId: 'cluster-b', userIds: ['user-1'] },
      { responderId: 'r4', clusterId: 'cluster-a', userIds: [] },
    ];
    expect([...respondersOnShift(responders, groups, onDuty, now)]).toEqual(['r1']);
  });
});
