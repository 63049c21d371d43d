import { singleFlight } from './single-flight';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('singleFlight', () => {
  it('shares one run between concurrent callers', async () => {
    const pending = deferred<string>();
    const run = jest.fn(() => pending.promise);
    const once = singleFlight(run);

    const first = once();
    const second = once();
    expect(run).toHaveBeenCalledTimes(1);
    expect(second).toBe(first);

    pending.resolve('token-2');
    await expect(Promise.all([first, second])).resolves.toEqual(['token-2', 'token-2']);
  });

  it('starts a new run once the previous one has settled', async () => {
    let n = 0;
    const once = singleFlight(async () => ++n);
    await expect(once()).resolves.toBe(1);
    await expect(once()).resolves.toBe(2);
  });

  it('shares a failure too, and lets the next call try again', async () => {
    const pending = deferred<string>();
    const run = jest.fn(() => pending.promise);
    const once = singleFlight(run);
    const first = once();
    const second = once();
    pending.reject(new Error('401'));
    await expect(first).rejects.toThrow('401');
    await expect(second).rejects.toThrow('401');

    run.mockImplementation(() => Promise.resolve('ok'));
    await expect(once()).resolves.toBe('ok');
    expect(run).toHaveBeenCalledTimes(2);
  });
});
