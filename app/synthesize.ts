import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'cdktf';
import { REPO_ROOT } from '../tools/build/paths';
import type { BundleSource } from '../stacks/bundles';
import { placeholderBundles } from './bundles';
import { configFromEnv, resolveConfig, type PayPulseConfig, type PayPulseConfigOverrides } from '../stacks/config';
import { PayPulseStack } from '../stacks/paypulse-stack';

/**
 * The one way this project builds its app: main.ts, the plan and migrate tools and the local
 * pipeline all synthesize through here, so they see the same stack from the same config.
 */

/** cdktf.json's `context`: the CLI passes it to the app, but `tsx main.ts` alone would not see it. */
export function cdktfJsonContext(rootDir: string = REPO_ROOT): Record<string, unknown> {
  try {
    const context = (JSON.parse(readFileSync(join(rootDir, 'cdktf.json'), 'utf8')) as { context?: unknown }).context;
    return typeof context === 'object' && context !== null && !Array.isArray(context) ? (context as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export interface SynthesizeOptions {
  readonly bundles: BundleSource;
  /** @default the cdktf CLI's (CDKTF_OUTDIR), else cdktf.out */
  readonly outdir?: string;
  /** @default cdktf.json's context */
  readonly context?: Record<string, unknown>;
  /** @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The App, with cdktf.json's context unless given one. */
export function createApp(options: Pick<SynthesizeOptions, 'outdir' | 'context'> = {}): App {
  return new App({ ...(options.outdir ? { outdir: options.outdir } : {}), context: options.context ?? cdktfJsonContext() });
}

/** The validated config: the app's `paypulse` context under the `PAYPULSE_*` environment; throws `ConfigError`. */
export function loadConfig(app: App, env: Readonly<Record<string, string | undefined>> = process.env): PayPulseConfig {
  return resolveConfig(app.node.tryGetContext('paypulse') as PayPulseConfigOverrides | undefined, configFromEnv(env));
}

/** Where a synth into `outdir` writes the stack's cdk.tf.json. */
export function stackJsonPath(outdir: string, stackId: string): string {
  return join(outdir, 'stacks', stackId, 'cdk.tf.json');
}

/** Where `npm run synth` writes the stack, for the stack id that cdktf.json's context and the environment configure. */
export function configuredStackJsonPath(rootDir: string = REPO_ROOT, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const overrides = cdktfJsonContext(rootDir).paypulse as PayPulseConfigOverrides | undefined;
  return stackJsonPath(join(rootDir, 'cdktf.out'), resolveConfig(overrides, configFromEnv(env)).stackId);
}

/** Builds the stack into the app, synthesizes, and returns the path of cdk.tf.json. */
export function buildAndSynth(app: App, config: PayPulseConfig, bundles: BundleSource): string {
  new PayPulseStack(app, config.stackId, config, bundles);
  app.synth();
  return stackJsonPath(app.outdir, config.stackId);
}

/** Builds the app and the stack, synthesizes, and returns the config and the path of cdk.tf.json. */
export function synthesizePayPulse(options: SynthesizeOptions): { config: PayPulseConfig; stackFile: string } {
  const app = createApp(options);
  const config = loadConfig(app, options.env);
  return { config, stackFile: buildAndSynth(app, config, options.bundles) };
}

/**
 * Synthesizes the stack as main.ts does (same config, same constructs) under `workDir`
 * and returns its cdk.tf.json, for tools that read the JSON and never deploy it (the
 * local pipeline runs handlers from source): placeholder bundles stand in, so a shared
 * dist/ that a build may be rewriting is never read.
 */
export function synthesizeForReading(workDir: string, rootDir: string = REPO_ROOT): string {
  return synthesizePayPulse({
    outdir: join(workDir, 'cdktf.out'),
    bundles: placeholderBundles(join(workDir, 'bundles')),
    context: cdktfJsonContext(rootDir),
  }).stackFile;
}
