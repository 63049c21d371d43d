import type { MapSiteDto } from '@netduty/contracts';
import { compareByAttention, lookRank, SITE_LOOK_COLOUR, SITE_LOOKS, siteLookOf, stateColour } from './site-look';

function site(code: string, state: MapSiteDto['state'], downKind: MapSiteDto['downKind'], openIncidents: number): MapSiteDto {
  return { id: code, code, name: code, operatorCode: 'viettel', kind: 'bts', communeCode: '05977', priority: 'P2', latitude: 21.8, longitude: 106.7, state, downKind, openIncidents };
}

describe('how the map colours a site', () => {
  it('tells the three ways of being down apart, and ranks off air as the worst', () => {
    expect(siteLookOf({ state: 'in_service', downKind: null })).toBe('in_service');
    expect(siteLookOf({ state: 'degraded', downKind: null })).toBe('degraded');
    expect(siteLookOf({ state: 'down', downKind: 'on_battery' })).toBe('on_battery');
    expect(siteLookOf({ state: 'down', downKind: 'on_generator' })).toBe('on_generator');
    expect(siteLookOf({ state: 'down', downKind: 'off_air' })).toBe('off_air');
    expect(lookRank('off_air')).toBeGreaterThan(lookRank('on_battery'));
    expect(lookRank('degraded')).toBeGreaterThan(lookRank('in_service'));
  });

  it('gives every look its own colour, and a down state the off-air red', () => {
    expect(new Set(SITE_LOOKS.map((look) => SITE_LOOK_COLOUR[look])).size).toBe(SITE_LOOKS.length);
    expect(stateColour('down')).toBe(SITE_LOOK_COLOUR.off_air);
    expect(stateColour('degraded')).toBe(SITE_LOOK_COLOUR.degraded);
  });

  it('lists the worst sites first, then those with more open incidents, then by code', () => {
    const sites = [site('A', 'in_service', null, 0), site('B', 'degraded', null, 1), site('C', 'down', 'on_battery', 1), site('D', 'down', 'off_air', 1), site('E', 'down', 'on_battery', 3)];
    expect([...sites].sort(compareByAttention).map((s) => s.code)).toEqual(['D', 'E', 'C', 'B', 'A']);
  });
});
