import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const PROBE_MARK = '@@PROBE@@';

/** A fresh directory under the OS temp dir: no node_modules above it, unlike anything in the repo. */
export function makeCleanDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `paypulse-${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs a probe script from support/ in `dir` with a bare node (no NODE_PATH, no
 * NODE_OPTIONS, so no tsx or jest hooks) and returns the JSON it printed after
 * the probe mark, with what the process wrote to stderr and its exit code.
 */
export function runProbe<T>(dir: string, probe: string, args: readonly string[] = []): T & { readonly stderr: string; readonly exitCode: number | null } {
  copyFileSync(path.join(__dirname, probe), path.join(dir, probe));
  const run = spawnSync(process.execPath, [probe, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: dir, AWS_REGION: 'eu-north-1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.error) throw run.error;
  const line = run.stdout.split('\n').find((l) => l.startsWith(PROBE_MARK));
  if (!line) throw new Error(`probe ${probe} printed no result (exit ${run.status}); stdout:\n${run.stdout.slice(-2000)}\nstderr:\n${run.stderr.slice(-2000)}`);
  return { ...(JSON.parse(line.slice(PROBE_MARK.length)) as T), stderr: run.stderr, exitCode: run.status };
}

/**
 * A scratch directory INSIDE the repo (git-ignored `.scratch-*`), so esbuild still
 * finds node_modules from files placed there.
 */
export function makeRepoScratchDir(repoRoot: string, prefix: string): string {
  return mkdtempSync(path.join(repoRoot, `.scratch-build-${prefix}-`));
}
