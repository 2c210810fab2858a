import { pairedRuns, timeOk } from './child-process';
import { figure, type BenchFigure } from './measure';
import { copyBundlesToTaskDirs } from './lambda-task-dir';

/**
 * Cold module init of each built bundle: a node process that requires
 * <fn>/index.js copied out of dist/ (what Lambda does before the first invoke), as a ratio to
 * a node process running an empty script, alternated. Targets (issue 16):
 * parse_invoice ≤ 2×, parse_retail_invoice ≤ 1.6×; the first event's extra cost is
 * measured beside it (first-invocation.ts).
 */
export async function benchHandlerInit(): Promise<BenchFigure[]> {
  const empty = () => timeOk(process.execPath, ['-e', '']);
  const figures: BenchFigure[] = [];
  const baselines: number[] = [];
  const taskDirs = copyBundlesToTaskDirs();
  try {
    for (const [name, bundle] of Object.entries(taskDirs.bundles)) {
      // Lambda runs Node 22, where the SDK has no Node-version warning to print at init.
      const env = { ...process.env, AWS_REGION: 'eu-west-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
      const load = () => timeOk(process.execPath, ['-e', `require(${JSON.stringify(bundle)})`], { env });
      await load();
      const runs = await pairedRuns(load, empty, 7);
      baselines.push(...runs.baseline);
      figures.push(figure(`${name} init (node + require bundle)`, 'ms', runs.measured), figure(`${name} init / empty node`, 'x', runs.ratios));
    }
  } finally {
    taskDirs.remove();
  }
  return [figure('node -e "" (empty script)', 'ms', baselines), ...figures];
}
