import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ToolInputError } from '../terraform/errors';
import { INIT_CACHE_DIR } from '../terraform/init-cache';
import { offlinePlan } from '../terraform/offline-plan';
import { isPlanJson, type PlanJson } from '../terraform/plan-json';
import { resolvePluginDir } from '../terraform/plugin-dir';
import { anyCachedAwsResourceSchemas, awsResourceSchemas } from '../terraform/provider-schema';
import { runTerraform } from '../terraform/run-terraform';
import { readStateFile } from '../terraform/state-file';
import { type Classification, classifyPlan } from './classify';
import { readIntendedChanges } from './intended';
import { planSecrets } from './secrets';
import { synthForLivePlan, synthForOfflinePlan } from './synth-stack';

export interface PlanRun {
  readonly classification: Classification;
  readonly plan: PlanJson;
  readonly timings?: { readonly synthMs: number; readonly initMs: number; readonly planMs: number; readonly initCached: boolean };
}

export interface OfflinePlanRunOptions {
  readonly statePath: string;
  readonly intendedPath: string;
  readonly pluginDir?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly progress?: (message: string) => void;
  /** Keep the scratch copy (for debugging). @default false */
  readonly keepWorkDir?: boolean;
}

/** Offline: synthesize a scratch copy of the stack, plan it against a copy of the state, classify. */
export async function runOfflinePlan(options: OfflinePlanRunOptions): Promise<PlanRun> {
  const env = options.env ?? process.env;
  const progress = options.progress ?? (() => {});
  const state = readStateFile(options.statePath);
  const intended = readIntendedChanges(options.intendedPath);
  const pluginDir = resolvePluginDir(options.pluginDir, env);
  const secrets = planSecrets(env, state);
  for (const s of secrets.sources) {
    if (s.from !== 'environment') progress(`${s.name}: no TF_VAR_${s.name}; using ${s.from === 'state' ? "the state's current value" : 'a placeholder (it will show as changing)'}`);
  }
  const t0 = Date.now();
  progress('synthesizing the stack (pinned-image mode)');
  const { scratch, stackDir } = synthForOfflinePlan(state, env);
  const synthMs = Date.now() - t0;
  try {
    const result = await offlinePlan({ workDir: stackDir, state, pluginDir, env: secrets.env, progress });
    return {
      plan: result.plan,
      classification: classifyPlan(result.plan, intended, result.schemas),
      timings: { synthMs, ...result.timings, initCached: result.initCached },
    };
  } finally {
    if (options.keepWorkDir) progress(`scratch copy kept in ${stackDir}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

/** Live: the configured backend and the caller's credentials, a normal refreshing plan. */
export async function runLivePlan(options: { intendedPath: string; progress?: (message: string) => void }): Promise<PlanRun> {
  const progress = options.progress ?? (() => {});
  const intended = readIntendedChanges(options.intendedPath);
  progress('synthesizing the stack');
  const stackDir = synthForLivePlan(process.env);
  progress('terraform init');
  await runTerraform(['init', '-input=false', '-no-color'], { cwd: stackDir, onLine: progress });
  progress('terraform plan');
  await runTerraform(['plan', '-input=false', '-no-color', '-out=plan.bin'], { cwd: stackDir, onLine: (l) => /^(Plan:|No changes)/.test(l) && progress(l) });
  const { stdout } = await runTerraform(['show', '-json', 'plan.bin'], { cwd: stackDir });
  const plan = JSON.parse(stdout) as PlanJson;
  const schemas = await awsResourceSchemas(stackDir, join(stackDir, '.terraform'));
  return { plan, classification: classifyPlan(plan, intended, schemas) };
}

/** `--plan-json`: classify `terraform show -json` output made elsewhere (CI). */
export function classifyPlanFile(planPath: string, intendedPath: string): PlanRun {
  let plan: unknown;
  try {
    plan = JSON.parse(readFileSync(planPath, 'utf8'));
  } catch (cause) {
    throw new ToolInputError(`cannot read plan JSON ${planPath}: ${(cause as Error).message}`, { cause });
  }
  if (!isPlanJson(plan)) throw new ToolInputError(`${planPath} is not \`terraform show -json <plan>\` output`);
  // The schema only tells computed-only attributes apart; without a cached one every diff is judged.
  return { plan, classification: classifyPlan(plan, readIntendedChanges(intendedPath), anyCachedAwsResourceSchemas(INIT_CACHE_DIR)) };
}
