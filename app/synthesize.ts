import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'cdktf';
import { readManifest } from '../tools/build/manifest';
import { REPO_ROOT } from '../tools/build/paths';
import { bundlesFromManifest, type BundleSource } from '../stacks/bundles';
import { configFromEnv, resolveConfig, type PayPulseConfig, type PayPulseConfigOverrides } from '../stacks/config';
import { PayPulseStack } from '../stacks/paypulse-stack';

/**
 * The one way this project builds its app: main.ts, the parity check and the local
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

/** Builds the app and the stack, synthesizes, and returns the config and the path of cdk.tf.json. */
export function synthesizePayPulse(options: SynthesizeOptions): { config: PayPulseConfig; stackFile: string } {
  const app = new App({ ...(options.outdir ? { outdir: options.outdir } : {}), context: options.context ?? cdktfJsonContext() });
  const config = resolveConfig(app.node.tryGetContext('paypulse') as PayPulseConfigOverrides | undefined, configFromEnv(options.env ?? process.env));
  new PayPulseStack(app, config.stackId, config, options.bundles);
  app.synth();
  return { config, stackFile: join(app.outdir, 'stacks', config.stackId, 'cdk.tf.json') };
}

/** The built zips of dist/manifest.json (throws, naming `npm run build:handlers`, when there is no build). */
export function builtBundles(rootDir: string = REPO_ROOT): BundleSource {
  return bundlesFromManifest(readManifest(join(rootDir, 'dist', 'manifest.json'), { rootDir }), rootDir);
}

/**
 * Stand-ins for the handler zips, for tools that read the synthesized JSON but never
 * deploy it (the local pipeline runs handlers from source). Only the zip objects'
 * `source` and `source_hash` depend on them.
 */
export function placeholderBundles(dir: string): BundleSource {
  mkdirSync(dir, { recursive: true });
  return (functionName) => {
    const content = `placeholder for ${functionName}: not a deployable bundle`;
    const path = join(dir, `${functionName}.placeholder.zip`);
    writeFileSync(path, content);
    return { path, sha256: createHash('sha256').update(content).digest('hex') };
  };
}

/**
 * The built zip of each function where the build has one, a placeholder otherwise,
 * with a note naming the functions that fell back (for tools that only compare JSON).
 */
export function builtOrPlaceholderBundles(placeholderDir: string, rootDir: string = REPO_ROOT): { bundles: BundleSource; fellBack: Set<string> } {
  const fellBack = new Set<string>();
  const placeholder = placeholderBundles(placeholderDir);
  let built: BundleSource | undefined;
  try {
    built = builtBundles(rootDir);
  } catch {
    built = undefined;
  }
  const bundles: BundleSource = (functionName) => {
    try {
      if (built) return built(functionName);
    } catch {
      // Not in this build: fall through to the placeholder.
    }
    fellBack.add(functionName);
    return placeholder(functionName);
  };
  return { bundles, fellBack };
}
