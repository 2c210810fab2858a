import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../build/paths';
import { pairedRuns, timeOk } from './child-process';
import { figure, type BenchFigure } from './measure';

/**
 * `node app/run.cjs` (what `cdktf synth` and `npm run synth` run: the bundled app, the
 * in-process handler build check, the whole stack into a fresh outdir) against a bare
 * `node -e "require('cdktf')"`, alternated. The warm-up run builds what is stale.
 */
export async function benchSynth(): Promise<BenchFigure[]> {
  const outdir = mkdtempSync(join(tmpdir(), 'paypulse-bench-synth-'));
  try {
    const synth = () => timeOk(process.execPath, ['app/run.cjs'], { cwd: REPO_ROOT, env: { ...process.env, CDKTF_OUTDIR: outdir } });
    const bare = () => timeOk(process.execPath, ['-e', "require('cdktf')"], { cwd: REPO_ROOT });
    await synth(); // builds a stale app bundle or handler zip once, and warms the file cache
    const runs = await pairedRuns(synth, bare, 5);
    return [
      figure('stack synth (node app/run.cjs)', 'ms', runs.measured),
      figure("node -e \"require('cdktf')\"", 'ms', runs.baseline),
      figure("stack synth / require('cdktf')", 'x', runs.ratios),
    ];
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
