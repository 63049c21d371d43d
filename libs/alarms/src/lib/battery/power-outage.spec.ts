import { batteryProfileOf, generatorOnAt, highestTier, lossSeenAt } from './power-outage';

const at = (time: string) => new Date(`2026-12-10T${time}.000Z`);

describe('power outage inputs of the battery estimate', () => {
  it("takes the site's own bank and load, and its kind's default for what the inventory lacks", () => {
    expect(batteryProfileOf('bts', 100, 960)).toEqual({ capacityAh: 100, loadWatts: 960, nominalVoltage: 48, fromInventory: true });
    expect(batteryProfileOf('bts', 100, null)).toEqual({ capacityAh: 100, loadWatts: 1200, nominalVoltage: 48, fromInventory: false });
    expect(batteryProfileOf('broadband_node', null, null)).toEqual({ capacityAh: 100, loadWatts: 400, nominalVoltage: 48, fromInventory: false });
  });

  it('keeps a recorded zero capacity (a site without a bank) rather than the default', () => {
    expect(batteryProfileOf('bts', 0, 800).capacityAh).toBe(0);
  });

  it('ranks by the highest tier among the site and its incidents', () => {
    expect(highestTier(['P2', 'P0', 'P1'])).toBe('P0');
    expect(highestTier(['P2', 'P1'])).toBe('P1');
    expect(highestTier(['P2'])).toBe('P2');
  });

  it('sees the loss at the first of the mains alarm, "system on batteries" and DC low voltage', () => {
    expect(lossSeenAt({ mainsLostAt: at('10:05:00'), onBatteriesAt: at('10:00:00'), dcLowVoltageAt: null })).toEqual(at('10:00:00'));
    expect(lossSeenAt({ mainsLostAt: null, onBatteriesAt: null, dcLowVoltageAt: at('12:00:00') })).toEqual(at('12:00:00'));
    expect(lossSeenAt({ mainsLostAt: null, onBatteriesAt: null, dcLowVoltageAt: null })).toBeNull();
  });

  it('counts the generator on from its alarm or from the team reporting it running, whichever came first', () => {
    expect(generatorOnAt(null, null)).toBeNull();
    expect(generatorOnAt(at('10:00:00'), null)).toEqual(at('10:00:00'));
    expect(generatorOnAt(null, at('10:30:00'))).toEqual(at('10:30:00'));
    expect(generatorOnAt(at('10:40:00'), at('10:30:00'))).toEqual(at('10:30:00'));
  });
});
