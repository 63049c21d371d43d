/**
 * Everything a sink received, in order, with awaits on the count instead of sleeps: a test waits for
 * the messages it expects, and fails with what did arrive when they do not.
 */
export class MessageRecorder<T> {
  readonly messages: T[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];

  record(message: T): void {
    this.messages.push(message);
    const ready = this.waiters.filter((waiter) => this.messages.length >= waiter.count);
    this.waiters = this.waiters.filter((waiter) => this.messages.length < waiter.count);
    for (const waiter of ready) waiter.resolve();
  }

  /** Resolves once `count` messages in all have arrived; rejects after `timeoutMs` saying how many did. */
  waitFor(count: number, timeoutMs = 15_000): Promise<T[]> {
    if (this.messages.length >= count) return Promise.resolve(this.messages.slice());
    return new Promise<T[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== entry);
        reject(new Error(`expected ${count} messages, ${this.messages.length} arrived within ${timeoutMs} ms`));
      }, timeoutMs);
      const entry = {
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(this.messages.slice());
        },
      };
      this.waiters.push(entry);
    });
  }

  clear(): void {
    this.messages.length = 0;
  }
}
