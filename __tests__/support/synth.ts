import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing } from 'cdktf';
import type { BuiltZip, BundleSource } from '../../stacks/bundles';
import { resolveConfig, type PayPulseConfigOverrides } from '../../stacks/config';
import { PayPulseStack } from '../../stacks/paypulse-stack';
import { parseStackJson, type StackJson } from '../../tools/stack-json/stack-json';

/** The synthesized Terraform JSON of a stack, parsed. */
export interface SynthesizedStack {
  readonly json: string;
  readonly tf: TerraformJson;
  readonly stack: PayPulseStack;
}

/** A synthesized PayPulse stack always has these sections (tools/stack-json reads it). */
export type TerraformJson = StackJson & {
  readonly resource: NonNullable<StackJson['resource']>;
  readonly variable: NonNullable<StackJson['variable']>;
  readonly terraform: NonNullable<StackJson['terraform']> & { readonly required_providers: NonNullable<NonNullable<StackJson['terraform']>['required_providers']> };
  readonly provider: NonNullable<StackJson['provider']>;
};

/** This test file's scratch space (fake zips, cdktf outdirs), removed when the file is done. */
const scratchDir = mkdtempSync(join(tmpdir(), 'paypulse-fake-zips-'));
afterAll(() => rmSync(scratchDir, { recursive: true, force: true }));

/** Stand-in bundles: construct tests never run the bundler (tools/build/cli.ts has its own tests). */
export const fakeBundles: BundleSource = (functionName: string): BuiltZip => {
  const content = `fake bundle of ${functionName}`;
  const path = join(scratchDir, `${functionName}.zip`);
  writeFileSync(path, content);
  return { path, sha256: createHash('sha256').update(content).digest('hex') };
};

export function synthPayPulse(...overrides: PayPulseConfigOverrides[]): SynthesizedStack {
  return synthPayPulseWith(fakeBundles, ...overrides);
}

export function synthPayPulseWith(bundles: BundleSource, ...overrides: PayPulseConfigOverrides[]): SynthesizedStack {
  // Testing.app() would leave a temp outdir behind per call.
  const app = Testing.app({ outdir: mkdtempSync(join(scratchDir, 'cdktf.outdir.')) });
  const config = resolveConfig(...overrides);
  const stack = new PayPulseStack(app, config.stackId, config, bundles);
  const json = Testing.synth(stack);
  return { json, tf: parseStackJson(json) as TerraformJson, stack };
}

export { addressesOf as addresses, blockAt as resource } from '../../tools/stack-json/stack-json';
