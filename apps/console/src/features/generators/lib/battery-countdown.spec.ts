import { batteryClock } from './battery-countdown';

const offAirAt = '2026-12-10T12:00:00.000Z';
const at = (time: string) => Date.parse(`2026-12-10T${time}Z`);

describe('batteryClock', () => {
  it('counts the time left to the estimated off-air moment, hours beyond an hour', () => {
    expect(batteryClock(at('08:54:48'), offAirAt)).toEqual({ seconds: 3 * 3600 + 5 * 60 + 12, past: false, urgent: false, clock: '3:05:12' });
  });

  it('turns urgent under 30 minutes, not at 30', () => {
    expect(batteryClock(at('11:30:00'), offAirAt)).toMatchObject({ urgent: false, clock: '30:00' });
    expect(batteryClock(at('11:30:01'), offAirAt)).toMatchObject({ urgent: true, clock: '29:59' });
  });

  it('rounds the last fraction of a second up, and stays at 00:00 once past', () => {
    expect(batteryClock(at('11:59:59.800'), offAirAt)).toMatchObject({ seconds: 1, past: false, clock: '00:01' });
    expect(batteryClock(at('12:10:00'), offAirAt)).toEqual({ seconds: 0, past: true, urgent: true, clock: '00:00' });
  });
});
