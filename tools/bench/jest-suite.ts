import { join } from 'node:path';
import { launchCommand } from '../../app/launch-command';
import { REPO_ROOT } from '../build/paths';
import { timeOk } from './child-process';
import { figure, type BenchFigure } from './measure';

const JEST = join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');

/** Full-suite runs per figure; BENCH_SUITE_RUNS overrides (each run is the whole `npm test`). @default 3 */
function suiteRuns(): number {
  const n = Number(process.env.BENCH_SUITE_RUNS ?? 3);
  return Number.isInteger(n) && n > 0 ? n : 3;
}

const env = { ...process.env, CI: 'true' };

/**
 * The whole `npm test` (typecheck, lint and every jest test, as CI runs it) and jest
 * alone, each timed `BENCH_SUITE_RUNS` times, alternated. Targets (issue 16): suite
 * ≤ 45 s and jest ≤ 30 s on a quiet 2-core machine.
 */
export async function benchJest(): Promise<BenchFigure[]> {
  const suite: number[] = [];
  const jest: number[] = [];
  const [node, ...testRunner] = launchCommand('tools/test-suite/cli.ts');
  for (let i = 0; i < suiteRuns(); i++) {
    suite.push((await timeOk(node, [...testRunner, '--silent'], { cwd: REPO_ROOT, env })) / 1000);
    jest.push((await timeOk(process.execPath, [JEST, '--silent'], { cwd: REPO_ROOT, env })) / 1000);
  }
  return [figure('npm test wall time (typecheck + lint + jest)', 's', suite), figure('jest wall time (whole suite)', 's', jest)];
}
