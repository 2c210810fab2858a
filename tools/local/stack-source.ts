import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../build/paths';

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

export const newSynthDir = () => mkdtempSync(join(tmpdir(), 'paypulse-local-synth-'));

/** The stack synthesized in-process under `workDir` (loaded lazily: cdktf is slow to load). */
export async function synthesizeToWorkDir(workDir: string, rootDir: string = REPO_ROOT): Promise<string> {
  const { synthesizeForReading } = await import('../../app/synthesize');
  return synthesizeForReading(workDir, rootDir);
}

/** Where `npm run synth` writes the stack (same config as the synth: cdktf.json's context and the environment). */
export async function defaultStackPath(rootDir: string = REPO_ROOT): Promise<string> {
  const { configuredStackJsonPath } = await import('../../app/synthesize');
  return configuredStackJsonPath(rootDir);
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
  return { path: await synthesizeToWorkDir(workDir, rootDir), origin: 'synthesized', cleanup: () => rmSync(workDir, { recursive: true, force: true }) };
}
