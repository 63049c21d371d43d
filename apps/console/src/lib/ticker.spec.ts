import { Ticker } from './ticker';

describe('Ticker', () => {
  beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-11-22T02:00:00.400Z') }));
  afterEach(() => jest.useRealTimers());

  it('notifies every listener from one timer, on the wall-clock second', () => {
    const ticker = new Ticker();
    const first = jest.fn();
    const second = jest.fn();
    ticker.subscribe(first);
    ticker.subscribe(second);
    expect(jest.getTimerCount()).toBe(1);

    jest.advanceTimersByTime(600);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    expect(ticker.now()).toBe(Date.parse('2026-11-22T02:00:01.000Z'));

    jest.advanceTimersByTime(3000);
    expect(first).toHaveBeenCalledTimes(4);
    expect(jest.getTimerCount()).toBe(1);
  });

  it('stops its timer when the last listener leaves', () => {
    const ticker = new Ticker();
    const unsubscribe = ticker.subscribe(() => undefined);
    unsubscribe();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('applies the server clock offset', () => {
    const ticker = new Ticker();
    ticker.setOffset(90_000);
    expect(ticker.now()).toBe(Date.parse('2026-11-22T02:01:30.400Z'));
  });
});
