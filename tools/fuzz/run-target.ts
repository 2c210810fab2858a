import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Sandbox, type SandboxResult } from './sandbox';
import { emptyReport, type TargetReport } from './report';
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
}

type Input = Uint8Array | string;

const MAX_FINDINGS = 5;

function saveFinding(dir: string, target: TargetName, index: number, input: Input): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${target}-${index}.${target === 'keys' ? 'json' : 'bin'}`);
  writeFileSync(file, typeof input === 'string' ? JSON.stringify(input) : input);
  return file;
}

function record(report: TargetReport, result: SandboxResult, hangMs: number, note: (what: string) => void): void {
  report.cases++;
  report.slowestMs = Math.max(report.slowestMs, result.ms);
  if ('killed' in result) {
    report.hangs++;
    note(`hang: killed after ${result.ms} ms`);
  } else if (result.outcome.kind === 'crash') {
    report.crashes++;
    note(`crash: ${result.outcome.detail}`);
  } else if (result.ms > hangMs) {
    report.hangs++;
    note(`hang: took ${result.ms.toFixed(0)} ms`);
  } else if (result.outcome.kind === 'typed') {
    report.typed++;
    report.typedByName[result.outcome.code] = (report.typedByName[result.outcome.code] ?? 0) + 1;
  } else {
    report.ok++;
  }
}

/**
 * Generates `cases` inputs with fast-check (reproducible from `seed`) and runs them
 * on a pool of sandboxed workers, counting outcomes. Crashing and hanging inputs
 * are saved for replay.
 */
export async function runTarget(target: TargetName, arbitrary: fc.Arbitrary<Input>, warmUp: Input, options: RunOptions): Promise<TargetReport> {
  const inputs = fc.sample(arbitrary, { numRuns: options.cases, seed: options.seed });
  const report = emptyReport(target);
  const findingsDir = options.findingsDir ?? join(tmpdir(), 'paypulse-fuzz');
  const started = Date.now();
  const sandboxes = await Promise.all(
    Array.from({ length: options.workers }, () => Sandbox.start(options.killMs, { id: -1, target, input: warmUp })),
  );
  let next = 0;
  await Promise.all(
    sandboxes.map(async (sandbox) => {
      while (next < inputs.length) {
        const index = next++;
        const result = await sandbox.run({ id: index, target, input: inputs[index] });
        record(report, result, options.hangMs, (what) => {
          if (report.findings.length < MAX_FINDINGS) {
            report.findings.push(`case ${index} ${what.split('\n').slice(0, 4).join(' | ')} (input: ${saveFinding(findingsDir, target, index, inputs[index])})`);
          }
        });
      }
    }),
  );
  await Promise.all(sandboxes.map((s) => s.stop()));
  report.seconds = (Date.now() - started) / 1000;
  return report;
}
