/**
 * Runs fuzz cases in a worker thread, so the main thread can kill a case that never
 * returns (a synchronous infinite loop cannot be interrupted any other way).
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { runHtmlCase, runKeyCase, runPdfCase, type CaseOutcome, type TargetName } from './targets';

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

function run(target: TargetName, input: Uint8Array | string): Promise<CaseOutcome> {
  if (target === 'keys') return runKeyCase(String(input));
  const bytes = typeof input === 'string' ? new Uint8Array(Buffer.from(input)) : input;
  return target === 'pdf' ? runPdfCase(bytes) : runHtmlCase(bytes);
}

const port = parentPort;
if (port) {
  port.on('message', async (request: CaseRequest) => {
    const start = performance.now();
    const outcome = await run(request.target, request.input);
    const reply: CaseReply = { id: request.id, outcome, ms: performance.now() - start };
    port.postMessage(reply);
  });
}
