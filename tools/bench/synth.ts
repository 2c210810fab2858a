import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../build/paths';
import { pairedRuns, timeOk } from './child-process';
import { figure, type BenchFigure } from './measure';

/**
 * `tsx main.ts` (what `cdktf synth` runs after the handler build: the whole stack
 * into a fresh outdir) against a bare `node -e "require('cdktf')"`, alternated.
 * Needs dist/manifest.json, so it runs after the bundle benchmark.
 */
export async function benchSynth(): Promise<BenchFigure[]> {
  const outdir = mkdtempSync(join(tmpdir(), 'paypulse-bench-synth-'));
  try {
    const synth = () => timeOk(process.execPath, ['--import', 'tsx', 'main.ts'], { cwd: REPO_ROOT, env: { ...process.env, CDKTF_OUTDIR: outdir } });
    const bare = () => timeOk(process.execPath, ['-e', "require('cdktf')"], { cwd: REPO_ROOT });
    await synth(); // warm tsx's transform cache and the file cache
    const runs = await pairedRuns(synth, bare, 5);
    return [
      figure('stack synth (tsx main.ts)', 'ms', runs.measured),
      figure("node -e \"require('cdktf')\"", 'ms', runs.baseline),
      figure("stack synth / require('cdktf')", 'x', runs.ratios),
    ];
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
