import type { EventEmitter } from 'node:events';

export interface ProcessGuardOptions {
  /** Stops the servers. The guard calls it at most once, however many ways the run ends. */
  readonly stop: () => Promise<void>;
  readonly exit: (code: number) => void;
  readonly say: (line: string) => void;
  /** A signal is how a waiting run normally ends: exit 0 after stopping, instead of 128 + signal number. @default false */
  readonly signalIsNormalEnd?: boolean;
  /** @default process */
  readonly proc?: EventEmitter;
}

export interface ProcessGuard {
  /** Stops the servers (once); the normal end of a run calls this too. */
  stop(): Promise<void>;
  /** Never resolves: the guard stops and exits on the first SIGINT or SIGTERM. */
  readonly untilSignal: Promise<never>;
  /** Removes the guard's listeners. */
  dispose(): void;
}

const SIGNAL_EXIT: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143 };

const describe = (value: unknown) => (value instanceof Error ? `${value.name}: ${value.message}` : String(value));

/**
 * Makes sure a local run always stops its servers (the DynamoDB Local JVM outlives a
 * Node process that simply dies): on SIGINT/SIGTERM, and on an uncaught exception, after
 * which the process state is unknown, so it stops and exits 1. An unhandled rejection
 * (a stray promise in a parser library, say) is reported and the run goes on: one bad
 * object must not end it.
 */
export function guardProcess(options: ProcessGuardOptions): ProcessGuard {
  const proc = options.proc ?? process;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= options.stop().catch((err: unknown) => options.say(`local: stopping failed: ${describe(err)}`));
    return stopping;
  };
  const stopAndExit = (code: number) =>
    void stop().then(() => {
      options.say('stopped');
      options.exit(code);
    });

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C while shutting down stops at once (the JVM follows: its stdin closes).
      options.exit(SIGNAL_EXIT[signal] ?? 1);
      return;
    }
    options.say(`${signal}: waiting for in-flight events, then stopping...`);
    stopAndExit(options.signalIsNormalEnd ? 0 : (SIGNAL_EXIT[signal] ?? 1));
  };
  const onUncaught = (err: unknown) => {
    options.say(`local: uncaught exception, stopping: ${describe(err)}`);
    stopAndExit(1);
  };
  const onRejection = (reason: unknown) => options.say(`local: unhandled rejection (the pipeline keeps running): ${describe(reason)}`);

  proc.on('SIGINT', onSignal);
  proc.on('SIGTERM', onSignal);
  proc.on('uncaughtException', onUncaught);
  proc.on('unhandledRejection', onRejection);
  return {
    stop,
    untilSignal: new Promise<never>(() => undefined),
    dispose() {
      proc.off('SIGINT', onSignal);
      proc.off('SIGTERM', onSignal);
      proc.off('uncaughtException', onUncaught);
      proc.off('unhandledRejection', onRejection);
    },
  };
}
