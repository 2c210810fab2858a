import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { CaseReply, CaseRequest } from './serve-cases';

export type SandboxResult = CaseReply | { readonly id: number; readonly killed: true; readonly ms: number };

export const DEFAULT_WORKER_ENTRY = join(__dirname, 'worker.ts');

/** Starts the TypeScript worker through tsx's CommonJS hook (worker threads do not inherit the parent's loader). */
function spawnWorker(entry: string): Worker {
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, { eval: true });
}

/**
 * One worker thread that runs one case at a time. A case that has not answered
 * after `killAfterMs` gets the worker terminated and replaced by a warmed-up one.
 */
export class Sandbox {
  private worker: Worker;

  private constructor(
    private readonly killAfterMs: number,
    /** A harmless case run first, so module loading (pdf.js takes seconds) is never timed as a case. */
    private readonly warmUp: CaseRequest,
    private readonly entry: string,
  ) {
    this.worker = spawnWorker(entry);
  }

  static async start(killAfterMs: number, warmUp: CaseRequest, entry: string = DEFAULT_WORKER_ENTRY): Promise<Sandbox> {
    const sandbox = new Sandbox(killAfterMs, warmUp, entry);
    await sandbox.send(warmUp, Number.POSITIVE_INFINITY);
    return sandbox;
  }

  run(request: CaseRequest): Promise<SandboxResult> {
    return this.send(request, this.killAfterMs);
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }

  private async replace(): Promise<void> {
    void this.worker.terminate();
    this.worker = spawnWorker(this.entry);
    await this.send(this.warmUp, Number.POSITIVE_INFINITY);
  }

  private async send(request: CaseRequest, killAfterMs: number): Promise<SandboxResult> {
    const worker = this.worker;
    const start = Date.now();
    const result = await new Promise<SandboxResult & { dead?: boolean }>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (r: SandboxResult & { dead?: boolean }) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolve(r);
      };
      const onMessage = (reply: CaseReply) => {
        if (reply.id === request.id) done(reply);
      };
      // An uncaught exception or unhandled rejection inside the parser kills the thread: a crash.
      const onError = (err: Error) =>
        done({ id: request.id, outcome: { kind: 'crash', detail: `worker died: ${err.stack ?? err.message}` }, ms: Date.now() - start, dead: true });
      if (Number.isFinite(killAfterMs)) timer = setTimeout(() => done({ id: request.id, killed: true, ms: Date.now() - start, dead: true }), killAfterMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(request);
    });
    if (result.dead) await this.replace();
    const { dead: _dead, ...rest } = result;
    return rest;
  }
}
