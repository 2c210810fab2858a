import { performance } from 'node:perf_hooks';
import type { MessagePort } from 'node:worker_threads';
import type { CaseOutcome, TargetName } from './targets';

export interface CaseRequest {
  readonly id: number;
  readonly target: TargetName;
  readonly input: Uint8Array | string;
}

export interface CaseReply {
  readonly id: number;
  readonly outcome: CaseOutcome;
  readonly ms: number;
}

export type CaseRunner = (target: TargetName, input: Uint8Array | string) => Promise<CaseOutcome>;

/**
 * Turns of the event loop a case gets after it returned, for work it left behind to fail.
 * `setImmediate`, not timers (a 1 ms timer per turn tripled a 50,000-case run); a failure
 * later than this is pinned on its case by the runner's replay.
 */
const SETTLE_TURNS = 3;

async function settle(): Promise<void> {
  for (let i = 0; i < SETTLE_TURNS; i++) await new Promise((resolve) => setImmediate(resolve));
}

function describe(kind: string, err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ''}` : String(err);
  return `${kind} escaped the case: ${text}`.slice(0, 2000);
}

/**
 * Answers case requests on `port`, one at a time. An unhandled rejection or uncaught
 * exception does not kill the thread (it would be blamed on whatever case ran next);
 * it is recorded, and the case is answered only after a few turns of the event loop, so
 * a rejection that a parser leaves behind after returning is reported as that case's crash.
 */
export function serveCases(port: MessagePort | { on: MessagePort['on']; postMessage: MessagePort['postMessage'] }, run: CaseRunner): void {
  let escaped: string | undefined;
  process.on('unhandledRejection', (reason) => {
    escaped ??= describe('unhandled rejection', reason);
  });
  process.on('uncaughtException', (err) => {
    escaped ??= describe('uncaught exception', err);
  });
  port.on('message', async (request: CaseRequest) => {
    const start = performance.now();
    let outcome = await run(request.target, request.input);
    const ms = performance.now() - start;
    await settle();
    // Anything that escaped since the last answer, even between cases, is reported now.
    if (escaped !== undefined) outcome = { kind: 'crash', detail: escaped };
    escaped = undefined;
    const reply: CaseReply = { id: request.id, outcome, ms };
    port.postMessage(reply);
  });
}
