import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing } from 'cdktf';
import type { BuiltZip, BundleSource } from '../../stacks/bundles';
import { resolveConfig, type PayPulseConfigOverrides } from '../../stacks/config';
import { PayPulseStack } from '../../stacks/paypulse-stack';

/** The synthesized Terraform JSON of a stack, parsed. */
export interface SynthesizedStack {
  readonly json: string;
  readonly tf: TerraformJson;
  readonly stack: PayPulseStack;
}

export interface TerraformJson {
  resource: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  variable: Record<string, { type?: string; default?: unknown; description?: string; sensitive?: boolean }>;
  moved?: Array<{ from: string; to: string }>;
  import?: Array<{ to: string; id: string }>;
  terraform: { backend?: Record<string, Record<string, unknown>>; required_providers: Record<string, { source?: string; version?: string }> };
  provider: Record<string, Array<Record<string, unknown>>>;
  [key: string]: unknown;
}

/** This test file's scratch space (fake zips, cdktf outdirs), removed when the file is done. */
const scratchDir = mkdtempSync(join(tmpdir(), 'paypulse-fake-zips-'));
afterAll(() => rmSync(scratchDir, { recursive: true, force: true }));

/** Stand-in bundles: construct tests never run the bundler (scripts/build-handlers.ts has its own tests). */
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
  return { json, tf: JSON.parse(json) as TerraformJson, stack };
}

/** The resource at `type.name`, or a thrown error naming the missing address. */
export function resource(tf: TerraformJson, address: string): Record<string, unknown> {
  const [type, name] = address.split('.');
  const found = tf.resource[type]?.[name];
  if (!found) throw new Error(`no resource ${address} in the synthesized stack`);
  return found;
}

/** Every `type.name` address of the resources (and `data.type.name` of data sources). */
export function addresses(tf: TerraformJson): string[] {
  const list: string[] = [];
  for (const [type, byName] of Object.entries(tf.resource)) for (const name of Object.keys(byName)) list.push(`${type}.${name}`);
  for (const [type, byName] of Object.entries(tf.data ?? {})) for (const name of Object.keys(byName)) list.push(`data.${type}.${name}`);
  return list.sort();
}
