import { resolvePluginDir } from '../../../tools/terraform/plugin-dir';

/**
 * Whether this run does real Terraform plans. With no provider mirror the real-plan
 * tests fail (naming TF_PLUGIN_DIR) unless PAYPULSE_SKIP_REAL_PLAN=1 says on purpose
 * that this machine cannot run them.
 */
export function realPlanMirror(): { skip: true; reason: string } | { skip: false; pluginDir: string } {
  try {
    return { skip: false, pluginDir: resolvePluginDir(undefined) };
  } catch (err) {
    if (process.env.PAYPULSE_SKIP_REAL_PLAN === '1') return { skip: true, reason: (err as Error).message };
    throw new Error(`${(err as Error).message}. Set PAYPULSE_SKIP_REAL_PLAN=1 to skip the real-plan tests on purpose.`);
  }
}

/** The existing-system state fixture, where its generator writes it. */
export { EXISTING_STATE as EXISTING_STATE_FIXTURE } from '../../../tools/fixtures/generate-existing-state';
/** A real plan takes 15-30 s on a loaded 2-core machine. */
export const REAL_PLAN_TIMEOUT_MS = 180_000;
