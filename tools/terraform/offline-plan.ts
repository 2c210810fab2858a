import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { awsFactsFromState } from './aws-facts';
import { TerraformFailedError } from './errors';
import { initFromMirror } from './init-cache';
import { startLoopbackAws } from './loopback-aws';
import { OFFLINE_OVERRIDE_FILE, OFFLINE_STATE_FILE, offlineOverride } from './offline-override';
import type { PlanJson } from './plan-json';
import { awsResourceSchemas, type ResourceSchemas } from './provider-schema';
import { runTerraform } from './run-terraform';
import type { TerraformState } from './state-file';

const HEARTBEAT_MS = 5000;

export interface OfflinePlanOptions {
  /** A scratch copy of the configuration; the override and the state are written into it. */
  readonly workDir: string;
  readonly state: TerraformState | undefined;
  readonly pluginDir: string;
  /** TF_VAR_* and the like for the terraform process (never logged). */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * `cached`: reuse the init cache (configurations without modules); `fresh`: run
   * `terraform init`; `none`: the work dir is initialised already. @default 'cached'
   */
  readonly init?: 'cached' | 'fresh' | 'none';
  readonly progress?: (message: string) => void;
}

export interface OfflinePlanResult {
  readonly plan: PlanJson;
  /** The aws provider's resource schemas (cached with the init). */
  readonly schemas: ResourceSchemas;
  /** Whether `terraform init` came from the cache. */
  readonly initCached: boolean;
  readonly timings: { readonly initMs: number; readonly planMs: number };
}

/**
 * A real `terraform plan -refresh=false` of the configuration in `workDir` against
 * `state`, offline: init from the provider mirror, data sources answered by a loopback
 * server from the state itself. Returns `terraform show -json` of the plan.
 */
export async function offlinePlan(options: OfflinePlanOptions): Promise<OfflinePlanResult> {
  const { workDir, pluginDir } = options;
  const progress = options.progress ?? (() => {});
  if (options.state) writeFileSync(join(workDir, OFFLINE_STATE_FILE), JSON.stringify(options.state, null, 2));
  const aws = await startLoopbackAws(awsFactsFromState(options.state));
  try {
    writeFileSync(join(workDir, OFFLINE_OVERRIDE_FILE), JSON.stringify(offlineOverride(aws.endpoint), null, 2));
    const t0 = Date.now();
    progress(`terraform init (provider mirror ${pluginDir})`);
    let initCached = false;
    let cacheDir = join(workDir, '.terraform');
    const init = options.init ?? 'cached';
    if (init === 'cached') ({ cached: initCached, cacheDir } = await initFromMirror(workDir, pluginDir, progress));
    else if (init === 'fresh') await runTerraform(['init', '-input=false', '-no-color', `-plugin-dir=${pluginDir}`], { cwd: workDir, onLine: progress });
    const schemas = await awsResourceSchemas(workDir, cacheDir);
    if (initCached) progress('terraform init: reused the cached provider install');
    const t1 = Date.now();
    progress('terraform plan -refresh=false (the aws provider takes a while to load)');
    // Terraform is quiet while the provider loads; a heartbeat shows the run is alive.
    const heartbeat = setInterval(() => progress(`terraform still running (${Math.round((Date.now() - t1) / 1000)} s)`), HEARTBEAT_MS);
    let stdout: string;
    try {
      await runTerraform(['plan', '-refresh=false', '-input=false', '-lock=false', '-no-color', '-out=plan.bin'], {
        cwd: workDir,
        env: options.env,
        onLine: (line) => /^(Plan:|No changes)/.test(line) && progress(line),
      });
      progress('terraform show -json');
      ({ stdout } = await runTerraform(['show', '-json', 'plan.bin'], { cwd: workDir }));
    } catch (err) {
      if (aws.unanswered.length && err instanceof TerraformFailedError) {
        throw new TerraformFailedError(`${err.message} (offline endpoint could not answer: ${aws.unanswered.join(', ')})`);
      }
      throw err;
    } finally {
      clearInterval(heartbeat);
    }
    return { plan: JSON.parse(stdout) as PlanJson, schemas, initCached, timings: { initMs: t1 - t0, planMs: Date.now() - t1 } };
  } finally {
    await aws.close();
  }
}
