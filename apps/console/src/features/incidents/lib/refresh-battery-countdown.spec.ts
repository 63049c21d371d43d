import { QueryClient } from '@tanstack/react-query';
import { batteryKeys } from '../../generators/api/battery-keys';
import { BATTERY_REFRESH_THROTTLE_MS, refreshBatteryCountdownSoon } from './refresh-battery-countdown';

describe('refreshBatteryCountdownSoon', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('reads the countdown at once, then folds a burst of frames into one read at the end of the window', () => {
    const client = new QueryClient();
    const invalidate = jest.spyOn(client, 'invalidateQueries').mockResolvedValue();
    refreshBatteryCountdownSoon(client);
    expect(invalidate).toHaveBeenCalledTimes(1);
    expect(invalidate).toHaveBeenLastCalledWith({ queryKey: batteryKeys.countdown });
    for (let frame = 0; frame < 50; frame += 1) refreshBatteryCountdownSoon(client);
    expect(invalidate).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(BATTERY_REFRESH_THROTTLE_MS);
    expect(invalidate).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(BATTERY_REFRESH_THROTTLE_MS * 3);
    expect(invalidate).toHaveBeenCalledTimes(2);
  });
});
