import { BoundedQueue } from '../../../tools/local/bounded-queue';

describe('BoundedQueue', () => {
  it('never runs more than its limit and drains every task', async () => {
    const queue = new BoundedQueue(3);
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    for (let i = 0; i < 20; i++) {
      queue.push(async () => {
        peak = Math.max(peak, ++running);
        await new Promise((r) => setImmediate(r));
        running--;
        done.push(i);
      });
    }
    await queue.onIdle();
    expect(done).toHaveLength(20);
    expect(peak).toBe(3);
    expect(queue.maxRunning).toBe(3);
  });

  it('keeps going after a task rejects', async () => {
    const queue = new BoundedQueue(1);
    const done: string[] = [];
    queue.push(() => Promise.reject(new Error('boom')));
    queue.push(async () => void done.push('after'));
    await queue.onIdle();
    expect(done).toEqual(['after']);
  });

  it('is idle at once when empty, and rejects a limit below 1', async () => {
    await expect(new BoundedQueue(2).onIdle()).resolves.toBeUndefined();
    expect(() => new BoundedQueue(0)).toThrow(/positive integer/);
  });
});
