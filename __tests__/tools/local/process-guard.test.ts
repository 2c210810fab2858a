import { EventEmitter } from 'node:events';
import { guardProcess } from '../../../tools/local/process-guard';

function guarded(signalIsNormalEnd = false) {
  const proc = new EventEmitter();
  const calls = { stop: 0, exits: [] as number[], said: [] as string[] };
  let finishStop: () => void = () => undefined;
  const guard = guardProcess({
    proc,
    signalIsNormalEnd,
    stop: () => {
      calls.stop++;
      return new Promise<void>((resolve) => (finishStop = resolve));
    },
    exit: (code) => calls.exits.push(code),
    say: (line) => calls.said.push(line),
  });
  const settle = async () => {
    finishStop();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { proc, calls, guard, settle };
}

describe('guardProcess', () => {
  it.each([
    ['SIGINT', false, 130],
    ['SIGTERM', false, 143],
    ['SIGTERM', true, 0],
  ] as const)('%s (signal is the normal end: %s) stops the servers, then exits %d', async (signal, normal, code) => {
    const { proc, calls, settle } = guarded(normal);
    proc.emit(signal, signal);
    expect(calls.stop).toBe(1);
    expect(calls.exits).toEqual([]);
    await settle();
    expect(calls.exits).toEqual([code]);
    expect(calls.said).toContain('stopped');
  });

  it('a second SIGINT while stopping exits at once, without stopping twice', () => {
    const { proc, calls } = guarded();
    proc.emit('SIGINT', 'SIGINT');
    proc.emit('SIGINT', 'SIGINT');
    expect(calls.stop).toBe(1);
    expect(calls.exits).toEqual([130]);
  });

  it('an uncaught exception stops the servers and exits 1', async () => {
    const { proc, calls, settle } = guarded();
    proc.emit('uncaughtException', Object.assign(new Error('write after end'), { name: 'ENAMETOOLONG' }));
    expect(calls.said[0]).toBe('local: uncaught exception, stopping: ENAMETOOLONG: write after end');
    await settle();
    expect(calls.stop).toBe(1);
    expect(calls.exits).toEqual([1]);
  });

  it('an unhandled rejection is reported and the run goes on', () => {
    const { proc, calls } = guarded();
    proc.emit('unhandledRejection', new Error('End of file inside array'));
    expect(calls.said).toEqual(['local: unhandled rejection (the pipeline keeps running): Error: End of file inside array']);
    expect(calls.stop).toBe(0);
    expect(calls.exits).toEqual([]);
  });

  it('the normal end stops once, even if a signal follows', async () => {
    const { proc, calls, guard, settle } = guarded();
    const stopped = guard.stop();
    await settle();
    await stopped;
    guard.dispose();
    expect(proc.listenerCount('SIGINT') + proc.listenerCount('uncaughtException') + proc.listenerCount('unhandledRejection')).toBe(0);
    expect(calls.stop).toBe(1);
  });
});
