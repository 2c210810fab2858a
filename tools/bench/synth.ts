import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../build/paths';
import { pairedRuns, timeOk } from './child-process';
import { figure, type BenchFigure } from './measure';

/** The command `cdktf synth` runs: cdktf.json's `app`, whatever it is today. */
function synthAppCommand(): string {
  const { app } = JSON.parse(readFileSync(join(REPO_ROOT, 'cdktf.json'), 'utf8')) as { app?: unknown };
  if (typeof app !== 'string' || app.trim() === '') throw new Error('cdktf.json has no "app" command');
  return app;
}

/**
 * cdktf.json's `app` (the whole stack into a fresh outdir, handler build check
 * included) against a bare `node -e "require('cdktf')"`, alternated, medians of 5.
 * Needs dist/manifest.json, so it runs after the bundle benchmark.
 */
export async function benchSynth(): Promise<BenchFigure[]> {
  const app = synthAppCommand();
  const outdir = mkdtempSync(join(tmpdir(), 'paypulse-bench-synth-'));
  try {
    const synth = () => timeOk('/bin/sh', ['-c', app], { cwd: REPO_ROOT, env: { ...process.env, CDKTF_OUTDIR: outdir } });
    const bare = () => timeOk(process.execPath, ['-e', "require('cdktf')"], { cwd: REPO_ROOT });
    await synth(); // warm the file cache and any transform cache
    const runs = await pairedRuns(synth, bare, 5);
    return [
      figure(`synth app (cdktf.json: ${app})`, 'ms', runs.measured),
      figure("node -e \"require('cdktf')\"", 'ms', runs.baseline),
      figure("synth app / require('cdktf')", 'x', runs.ratios),
    ];
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
