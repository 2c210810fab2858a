import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { emptyReport, type TargetReport } from './report';
import { DEFAULT_WORKER_ENTRY, Sandbox, type SandboxResult } from './sandbox';
import type { TargetName } from './targets';

export interface RunOptions {
  readonly cases: number;
  readonly seed: number;
  /** A case slower than this counts as a hang. */
  readonly hangMs: number;
  /** A case still running after this is killed (and counts as a hang). */
  readonly killMs: number;
  readonly workers: number;
  readonly findingsDir?: string;
  /** The worker script (tests swap in a fake parser). @default tools/fuzz/worker.ts */
  readonly workerEntry?: string;
}

type Input = Uint8Array | string;

const MAX_FINDINGS = 5;
/** Cases a sandbox ran before an escaped failure surfaced, searched for the one that left it behind. */
const SUSPECTS = 8;
/** How long a replayed suspect gets to fail after it answered. */
const REPLAY_GRACE_MS = 250;

function saveFinding(dir: string, target: TargetName, index: number, input: Input): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${target}-${index}.${target === 'keys' ? 'json' : 'bin'}`);
  writeFileSync(file, typeof input === 'string' ? JSON.stringify(input) : input);
  return file;
}

function isEscape(result: SandboxResult): boolean {
  return !('killed' in result) && result.outcome.kind === 'crash' && /escaped the case|worker died/.test(result.outcome.detail);
}

/**
 * An unhandled rejection can surface after its case answered, while a later case runs.
 * Replays the suspects (newest first), each alone in a fresh sandbox followed, after a
 * grace period, by the harmless warm-up case, and returns the index of the first that fails again.
 */
async function findCulprit(suspects: readonly number[], inputs: readonly Input[], target: TargetName, warmUp: Input, options: RunOptions): Promise<number | undefined> {
  const entry = options.workerEntry ?? DEFAULT_WORKER_ENTRY;
  for (const index of [...suspects].reverse()) {
    const sandbox = await Sandbox.start(options.killMs, { id: -1, target, input: warmUp }, entry);
    try {
      const replay = await sandbox.run({ id: index, target, input: inputs[index] });
      await new Promise((resolve) => setTimeout(resolve, REPLAY_GRACE_MS));
      const after = await sandbox.run({ id: -2, target, input: warmUp });
      if (isEscape(replay) || isEscape(after)) return index;
    } finally {
      await sandbox.stop();
    }
  }
  return undefined;
}

/**
 * Runs the given inputs on a pool of sandboxed workers, counting outcomes. Crashing
 * and hanging inputs are saved for replay; a failure that escaped its case is pinned
 * on the case that reproduces it, not on the case that happened to be running.
 */
export async function runInputs(target: TargetName, inputs: readonly Input[], warmUp: Input, options: RunOptions): Promise<TargetReport> {
  const report = emptyReport(target);
  const findingsDir = options.findingsDir ?? join(tmpdir(), 'paypulse-fuzz');
  const entry = options.workerEntry ?? DEFAULT_WORKER_ENTRY;
  const started = Date.now();
  const sandboxes = await Promise.all(Array.from({ length: options.workers }, () => Sandbox.start(options.killMs, { id: -1, target, input: warmUp }, entry)));
  let next = 0;
  await Promise.all(
    sandboxes.map(async (sandbox) => {
      const recent: number[] = [];
      while (next < inputs.length) {
        const index = next++;
        recent.push(index);
        if (recent.length > SUSPECTS) recent.shift();
        const result = await sandbox.run({ id: index, target, input: inputs[index] });
        report.cases++;
        report.slowestMs = Math.max(report.slowestMs, result.ms);
        let culprit = index;
        if (isEscape(result)) {
          culprit = (await findCulprit(recent, inputs, target, warmUp, options)) ?? index;
          recent.length = 0;
        }
        const note = (what: string) => {
          if (report.findings.length < MAX_FINDINGS) {
            report.findings.push(`case ${culprit} ${what.split('\n').slice(0, 4).join(' | ')} (input: ${saveFinding(findingsDir, target, culprit, inputs[culprit])})`);
          }
        };
        if ('killed' in result) {
          report.hangs++;
          note(`hang: killed after ${result.ms} ms`);
        } else if (result.outcome.kind === 'crash') {
          report.crashes++;
          note(`crash: ${result.outcome.detail}`);
        } else if (result.ms > options.hangMs) {
          report.hangs++;
          note(`hang: took ${result.ms.toFixed(0)} ms`);
        } else if (result.outcome.kind === 'typed') {
          report.typed++;
          report.typedByName[result.outcome.code] = (report.typedByName[result.outcome.code] ?? 0) + 1;
        } else {
          report.ok++;
        }
      }
    }),
  );
  await Promise.all(sandboxes.map((s) => s.stop()));
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

/** Generates `cases` inputs with fast-check (reproducible from `seed`) and runs them with `runInputs`. */
export function runTarget(target: TargetName, arbitrary: fc.Arbitrary<Input>, warmUp: Input, options: RunOptions): Promise<TargetReport> {
  return runInputs(target, fc.sample(arbitrary, { numRuns: options.cases, seed: options.seed }), warmUp, options);
}
