import { launchCommand } from '../../app/launch-command';
import { readManifest } from '../build/manifest';
import { REPO_ROOT } from '../build/paths';
import { timeOk } from './child-process';
import { figure, type BenchFigure } from './measure';

/**
 * Each handler zip's size after `npm run build:handlers`. The zips are
 * deterministic, so the build runs three times (forced, no cache) and the runs
 * must agree; a difference would show in the raw runs.
 */
export async function benchBundles(): Promise<BenchFigure[]> {
  const sizes = new Map<string, number[]>();
  for (let i = 0; i < 3; i++) {
    const [node, ...launcher] = launchCommand('tools/build/cli.ts');
    await timeOk(node, [...launcher, ...(i > 0 ? ['--force'] : [])], { cwd: REPO_ROOT });
    for (const [name, artifact] of Object.entries(readManifest().functions)) sizes.set(name, [...(sizes.get(name) ?? []), artifact.size / 1024]);
  }
  return [...sizes].map(([name, runs]) => figure(`${name} zip`, 'KiB', runs));
}
