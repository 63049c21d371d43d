import { DEFAULT_BATTERY_PROFILES, batteryRuntime, dispatchOrder, type DispatchCandidate, type PowerEvents } from './battery-runtime';

const bts = DEFAULT_BATTERY_PROFILES.bts;
const at = (time: string) => new Date(`2026-12-10T${time}.000Z`);
const noEvents: PowerEvents = { mainsLostAt: null, onBatteriesAt: null, dcLowVoltageAt: null, generatorOnAt: null, mainsRestoredAt: null };
const events = (fields: Partial<PowerEvents>): PowerEvents => ({ ...noEvents, ...fields });

describe('batteryRuntime', () => {
  // A default BTS bank: 200 Ah × 48 V × 0.8 = 7,680 Wh at 1,200 W lasts 6.4 h = 384 minutes.
  it('counts down from the mains loss on the bank capacity', () => {
    expect(batteryRuntime(bts, events({ mainsLostAt: at('10:00:00') }), at('11:00:00'))).toEqual({
      minutesLeft: 324,
      offAirAt: at('16:24:00'),
      basis: 'capacity',
    });
  });

  it('starts from "system on batteries" when it came before the mains alarm, or alone', () => {
    expect(batteryRuntime(bts, events({ mainsLostAt: at('10:05:00'), onBatteriesAt: at('10:00:00') }), at('10:00:00')).offAirAt).toEqual(at('16:24:00'));
    expect(batteryRuntime(bts, events({ onBatteriesAt: at('10:00:00') }), at('10:00:00')).minutesLeft).toBe(384);
  });

  it('gives the kinds of site their own runtimes', () => {
    const lost = events({ mainsLostAt: at('10:00:00') });
    expect(batteryRuntime(DEFAULT_BATTERY_PROFILES.broadband_node, lost, at('10:00:00')).minutesLeft).toBe(576);
    expect(batteryRuntime(DEFAULT_BATTERY_PROFILES.transmission_node, lost, at('10:00:00')).minutesLeft).toBe(576);
  });

  it('believes a DC low voltage alarm that comes sooner than the model: 15 % of the runtime is left', () => {
    // 0.15 × 384 min = 57.6 min from 12:00.
    expect(batteryRuntime(bts, events({ mainsLostAt: at('10:00:00'), dcLowVoltageAt: at('12:00:00') }), at('12:30:00'))).toEqual({
      minutesLeft: 27,
      offAirAt: at('12:57:36'),
      basis: 'dc_low_voltage',
    });
  });

  it('believes a DC low voltage alarm that comes later than the model', () => {
    const runtime = batteryRuntime(bts, events({ mainsLostAt: at('10:00:00'), dcLowVoltageAt: at('16:30:00') }), at('16:30:00'));
    expect(runtime.offAirAt).toEqual(at('17:27:36'));
    expect(runtime.minutesLeft).toBe(57);
    expect(runtime.basis).toBe('dc_low_voltage');
  });

  it('never reports negative minutes', () => {
    expect(batteryRuntime(bts, events({ mainsLostAt: at('10:00:00') }), at('18:00:00'))).toMatchObject({ minutesLeft: 0, offAirAt: at('16:24:00') });
  });

  it('stops counting down while a generator runs', () => {
    expect(batteryRuntime(bts, events({ mainsLostAt: at('10:00:00'), generatorOnAt: at('10:20:00') }), at('11:00:00'))).toEqual({ minutesLeft: null, offAirAt: null, basis: 'generator' });
  });

  it('stops counting down once mains is restored after the loss', () => {
    expect(batteryRuntime(bts, events({ mainsLostAt: at('10:00:00'), generatorOnAt: at('10:20:00'), mainsRestoredAt: at('11:00:00') }), at('11:30:00'))).toEqual({
      minutesLeft: null,
      offAirAt: null,
      basis: 'mains',
    });
  });

  it('ignores a restoration older than the loss', () => {
    expect(batteryRuntime(bts, events({ mainsRestoredAt: at('09:00:00'), mainsLostAt: at('10:00:00') }), at('11:00:00')).basis).toBe('capacity');
  });

  it('has nothing to count while the site is on mains', () => {
    expect(batteryRuntime(bts, noEvents, at('11:00:00'))).toEqual({ minutesLeft: null, offAirAt: null, basis: 'mains' });
  });

  it('gives no estimate for a site without a battery bank', () => {
    expect(batteryRuntime(DEFAULT_BATTERY_PROFILES.postal_point, events({ mainsLostAt: at('10:00:00') }), at('11:00:00'))).toEqual({ minutesLeft: null, offAirAt: null, basis: 'capacity' });
  });
});

describe('dispatchOrder', () => {
  const candidate = (siteId: string, minutesLeft: number | null, priority: DispatchCandidate['priority'], communesLosingService = 0): DispatchCandidate => ({
    siteId,
    minutesLeft,
    priority,
    communesLosingService,
  });

  it('sends help first to the site that goes dark first', () => {
    expect(dispatchOrder([candidate('late', 300, 'P2'), candidate('soon', 30, 'P2'), candidate('middle', 120, 'P2')])).toEqual(['soon', 'middle', 'late']);
  });

  it('weights a P0 site four times and a P1 twice', () => {
    // keys: P0 200 / 4 = 50, P1 120 / 2 = 60, P2 55.
    expect(dispatchOrder([candidate('p2', 55, 'P2'), candidate('p1', 120, 'P1'), candidate('p0', 200, 'P0')])).toEqual(['p0', 'p2', 'p1']);
  });

  it('weights the communes that would lose service', () => {
    // keys: 90 / (1 + 2) = 30 against 40.
    expect(dispatchOrder([candidate('alone', 40, 'P2'), candidate('three-communes', 90, 'P2', 2)])).toEqual(['three-communes', 'alone']);
  });

  it('puts sites that are not counting down last', () => {
    expect(dispatchOrder([candidate('generator', null, 'P0'), candidate('battery', 500, 'P2')])).toEqual(['battery', 'generator']);
  });

  it('breaks ties by tier, then by site id', () => {
    expect(dispatchOrder([candidate('b', 0, 'P2'), candidate('c', 0, 'P0'), candidate('a', 0, 'P2'), candidate('z', null, 'P1'), candidate('y', null, 'P1')])).toEqual([
      'c',
      'a',
      'b',
      'y',
      'z',
    ]);
  });
});
