/**
 * A fuzz worker whose "parser" leaves a rejection behind for input `late`: it returns
 * `ok`, and a promise it started rejects unobserved 40 ms later, as pdf.js's
 * page-tree prefetch did (fuzz seed 202, case 14689). `slow` takes 120 ms.
 */
import { parentPort } from 'node:worker_threads';
import { serveCases } from '../../tools/fuzz/serve-cases';
import type { CaseOutcome } from '../../tools/fuzz/targets';

async function fakeParse(_target: string, input: Uint8Array | string): Promise<CaseOutcome> {
  if (input === 'late') {
    // Later than the worker's settle turns: it surfaces while the next case runs.
    void new Promise((_, reject) => setTimeout(() => reject(new Error('End of file inside array')), 40));
  }
  if (input === 'slow') await new Promise((resolve) => setTimeout(resolve, 120));
  return { kind: 'ok' };
}

if (parentPort) serveCases(parentPort, fakeParse);
