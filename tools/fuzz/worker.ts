/**
 * Runs fuzz cases in a worker thread, so the main thread can kill a case that never
 * returns (a synchronous infinite loop cannot be interrupted any other way).
 */
import { parentPort } from 'node:worker_threads';
import { installPatchedPdfjs } from '../pdfjs/install-patched-pdfjs';
import { serveCases } from './serve-cases';
import { runHtmlCase, runKeyCase, runPdfCase, type CaseOutcome, type TargetName } from './targets';

function run(target: TargetName, input: Uint8Array | string): Promise<CaseOutcome> {
  if (target === 'keys') return runKeyCase(String(input));
  const bytes = typeof input === 'string' ? new Uint8Array(Buffer.from(input)) : input;
  return target === 'pdf' ? runPdfCase(bytes) : runHtmlCase(bytes);
}

if (parentPort) {
  installPatchedPdfjs();
  serveCases(parentPort, run);
}
