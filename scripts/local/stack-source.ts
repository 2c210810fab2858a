import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../build/paths';
import type { BundleSource } from '../../stacks/bundles';

export interface StackSource {
  /** The cdk.tf.json the pipeline reads. */
  readonly path: string;
  /** `cdktf.out`: an earlier `npm run synth`; `given`: --stack; `synthesized`: synthesized in-process just now. */
  readonly origin: 'cdktf.out' | 'given' | 'synthesized';
  /** Removes what an in-process synth wrote (a no-op for other origins); the pipeline reads the file once, at start. */
  cleanup(): void;
}

export interface LocateStackOptions {
  /** An explicit cdk.tf.json. */
  readonly stackPath?: string;
  /** Synthesize in-process even when cdktf.out has a stack. @default false */
  readonly synth?: boolean;
  /** @default REPO_ROOT */
  readonly rootDir?: string;
}

/** Stands in for handler zips when dist/ has none: the pipeline runs the sources and never reads an artifact. */
function placeholderBundles(dir: string): BundleSource {
  mkdirSync(dir, { recursive: true });
  return (functionName) => {
    const content = `placeholder for ${functionName}: npm run local runs handlers from source`;
    const path = join(dir, `${functionName}.zip`);
    writeFileSync(path, content);
    return { path, sha256: createHash('sha256').update(content).digest('hex') };
  };
}

async function bundlesForSynth(rootDir: string, placeholderDir: string): Promise<BundleSource> {
  const [{ readManifest }, { bundlesFromManifest }] = await Promise.all([import('../build/manifest'), import('../../stacks/bundles')]);
  try {
    return bundlesFromManifest(readManifest(join(rootDir, 'dist', 'manifest.json'), { rootDir }), rootDir);
  } catch {
    return placeholderBundles(placeholderDir);
  }
}

export const newSynthDir = () => mkdtempSync(join(tmpdir(), 'paypulse-local-synth-'));

/**
 * Synthesizes the stack as main.ts does (same config, same constructs) under
 * `workDir`, and returns its cdk.tf.json. Built bundles are used when dist/ has them.
 */
export async function synthesizeStack(rootDir: string = REPO_ROOT, workDir: string = newSynthDir()): Promise<string> {
  const [{ App }, { configFromEnv, resolveConfig }, { PayPulseStack }] = await Promise.all([
    import('cdktf'),
    import('../../stacks/config'),
    import('../../stacks/paypulse-stack'),
  ]);
  const config = resolveConfig(configFromEnv(process.env));
  const outdir = join(workDir, 'cdktf.out');
  const app = new App({ outdir });
  new PayPulseStack(app, config.stackId, config, await bundlesForSynth(rootDir, join(workDir, 'bundles')));
  app.synth();
  return join(outdir, 'stacks', config.stackId, 'cdk.tf.json');
}

/** Where `npm run synth` writes the stack for the configured stack id. */
export async function defaultStackPath(rootDir: string = REPO_ROOT): Promise<string> {
  const { configFromEnv, resolveConfig } = await import('../../stacks/config');
  return join(rootDir, 'cdktf.out', 'stacks', resolveConfig(configFromEnv(process.env)).stackId, 'cdk.tf.json');
}

/** The given stack, else cdktf.out's, else a fresh in-process synth (so a fresh clone works without a build). */
export async function locateStack(options: LocateStackOptions = {}): Promise<StackSource> {
  const rootDir = options.rootDir ?? REPO_ROOT;
  const keep = () => undefined;
  if (options.stackPath) return { path: options.stackPath, origin: 'given', cleanup: keep };
  if (!options.synth) {
    const path = await defaultStackPath(rootDir);
    if (existsSync(path)) return { path, origin: 'cdktf.out', cleanup: keep };
  }
  const workDir = newSynthDir();
  return { path: await synthesizeStack(rootDir, workDir), origin: 'synthesized', cleanup: () => rmSync(workDir, { recursive: true, force: true }) };
}
