/** Runs async tasks in arrival order, at most `limit` at a time. */
export class BoundedQueue {
  private readonly waiting: Array<() => Promise<void>> = [];
  private idleWaiters: Array<() => void> = [];
  private running = 0;
  /** The most tasks that ever ran at once. */
  maxRunning = 0;

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`concurrency must be a positive integer, got ${limit}`);
  }

  get size(): number {
    return this.running + this.waiting.length;
  }

  /** Tasks must not throw; a rejection is swallowed so one task never stops the queue. */
  push(task: () => Promise<void>): void {
    this.waiting.push(task);
    this.next();
  }

  /** Resolves once nothing runs and nothing waits. */
  onIdle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private next(): void {
    while (this.running < this.limit && this.waiting.length > 0) {
      const task = this.waiting.shift()!;
      this.running++;
      this.maxRunning = Math.max(this.maxRunning, this.running);
      task()
        .catch(() => undefined)
        .finally(() => {
          this.running--;
          this.next();
          if (this.size === 0) {
            const waiters = this.idleWaiters;
            this.idleWaiters = [];
            waiters.forEach((resolve) => resolve());
          }
        });
    }
  }
}
