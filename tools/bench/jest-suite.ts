import { join } from 'node:path';
import { REPO_ROOT } from '../build/paths';
import { timeOk } from './child-process';
import { figure, type BenchFigure } from './measure';

const JEST = join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');

/**
 * The whole suite takes several minutes on 2 cores (DynamoDB Local per file,
 * bundle and CLI child processes), more than the bench's 3-minute budget. The
 * default figure is the unit subset — stack, handler and local-pipeline tests that start no
 * server and no child process — timed 3 times. BENCH_JEST_FULL=1 adds one timed
 * run of the full suite.
 */
export const UNIT_SUBSET = ['__tests__/stacks', '__tests__/handlers', '__tests__/tools/local', '--testPathIgnorePatterns', 'handler\\.test', 'cli\\.test', 'bundle\\.test', 'local-aws'];

const jest = (args: readonly string[]) => timeOk(process.execPath, [JEST, '--silent', ...args], { cwd: REPO_ROOT, env: { ...process.env, CI: 'true' } });

export async function benchJest(): Promise<BenchFigure[]> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push((await jest(UNIT_SUBSET)) / 1000);
  const figures = [figure('jest unit subset wall time (stack, handler cores, local)', 's', runs)];
  if (process.env.BENCH_JEST_FULL === '1') figures.push(figure('jest full suite wall time (1 run)', 's', [(await jest([])) / 1000]));
  return figures;
}
