import { resolve } from 'node:path';
import { readManifest } from '../build/manifest';
import { REPO_ROOT } from '../build/paths';
import { pairedRuns, timeOk } from './child-process';
import { figure, type BenchFigure } from './measure';

/**
 * Cold module init of each built bundle: a node process that requires
 * dist/<fn>/index.js (what Lambda does before the first invoke), as a ratio to
 * a node process running an empty script, alternated. Targets (issue 16):
 * parse_invoice ≤ 2×, parse_retail_invoice ≤ 1.6×; the first event's extra cost is
 * measured beside it (first-invocation.ts).
 */
export async function benchHandlerInit(): Promise<BenchFigure[]> {
  const empty = () => timeOk(process.execPath, ['-e', '']);
  const figures: BenchFigure[] = [];
  const baselines: number[] = [];
  for (const [name, artifact] of Object.entries(readManifest().functions)) {
    const bundle = resolve(REPO_ROOT, artifact.bundle);
    // Lambda runs Node 22, where the SDK has no Node-version warning to print at init.
    const env = { ...process.env, AWS_REGION: 'eu-west-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    const load = () => timeOk(process.execPath, ['-e', `require(${JSON.stringify(bundle)})`], { env });
    await load();
    const runs = await pairedRuns(load, empty, 7);
    baselines.push(...runs.baseline);
    figures.push(figure(`${name} init (node + require bundle)`, 'ms', runs.measured), figure(`${name} init / empty node`, 'x', runs.ratios));
  }
  return [figure('node -e "" (empty script)', 'ms', baselines), ...figures];
}
