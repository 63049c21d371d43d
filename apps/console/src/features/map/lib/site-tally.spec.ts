import { addTally, clusterRadius, emptyTally, shortCount, tallyOfSite, tallySites, worstStateOf } from './site-tally';

describe('a cluster tally', () => {
  it('counts the sites of each state and their open incidents, as supercluster map/reduce adds them up', () => {
    const sites = [
      { state: 'in_service', openIncidents: 0 },
      { state: 'degraded', openIncidents: 1 },
      { state: 'down', openIncidents: 2 },
      { state: 'down', openIncidents: 1 },
    ] as const;
    expect(tallySites(sites)).toEqual({ sites: 4, inService: 1, degraded: 1, down: 2, openIncidents: 4 });
    // reduce accumulates into its first argument, cluster into cluster.
    const left = addTally(tallyOfSite(sites[0]), tallyOfSite(sites[1]));
    const right = addTally(tallyOfSite(sites[2]), tallyOfSite(sites[3]));
    expect(addTally(left, right)).toEqual(tallySites(sites));
    expect(left).toEqual(tallySites(sites));
  });

  it("takes the worst state of a cluster's sites for its colour", () => {
    expect(worstStateOf(emptyTally())).toBe('in_service');
    expect(worstStateOf({ ...emptyTally(), sites: 9, inService: 8, degraded: 1 })).toBe('degraded');
    expect(worstStateOf({ ...emptyTally(), sites: 900, inService: 898, degraded: 1, down: 1 })).toBe('down');
  });

  it('grows the circle with the log of its size, within bounds, and shortens big counts', () => {
    expect(clusterRadius(2)).toBeLessThan(clusterRadius(50));
    expect(clusterRadius(50)).toBeLessThan(clusterRadius(1000));
    expect(clusterRadius(8000)).toBeLessThanOrEqual(26);
    expect([shortCount(7), shortCount(999), shortCount(1000), shortCount(1250), shortCount(8000), shortCount(12_400)]).toEqual(['7', '999', '1k', '1.3k', '8k', '12k']);
  });
});
