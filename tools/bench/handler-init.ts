import { resolve } from 'node:path';
import { readManifest } from '../build/manifest';
import { REPO_ROOT } from '../build/paths';
import { pairedRuns, timeOk } from './child-process';
import { figure, type BenchFigure } from './measure';

/**
 * Cold module init of each built bundle: a node process that requires
 * dist/<fn>/index.js (what Lambda does before the first invoke), as a ratio to
 * a node process running an empty script, alternated.
 */
export async function benchHandlerInit(): Promise<BenchFigure[]> {
  const empty = () => timeOk(process.execPath, ['-e', '']);
  const figures: BenchFigure[] = [];
  const baselines: number[] = [];
  for (const [name, artifact] of Object.entries(readManifest().functions)) {
    const bundle = resolve(REPO_ROOT, artifact.bundle);
    const load = () => timeOk(process.execPath, ['-e', `require(${JSON.stringify(bundle)})`], { env: { ...process.env, AWS_REGION: 'eu-west-1' } });
    await load();
    const runs = await pairedRuns(load, empty, 7);
    baselines.push(...runs.baseline);
    figures.push(figure(`${name} init (node + require bundle)`, 'ms', runs.measured), figure(`${name} init / empty node`, 'x', runs.ratios));
  }
  return [figure('node -e "" (empty script)', 'ms', baselines), ...figures];
}
