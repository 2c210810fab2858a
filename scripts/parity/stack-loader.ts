import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtOrPlaceholderBundles } from '../../app/bundles';
import { cdktfJsonContext, synthesizePayPulse } from '../../app/synthesize';
import { ParityInputError } from './errors';
import { readJsonFile } from './json-file';
import type { ModuleSource } from './module-tree';
import { isObject, type ResourceMode } from './model';

/** A synthesized stack: its name and its Terraform JSON. */
export interface SynthesizedStack {
  readonly name: string;
  readonly json: Readonly<Record<string, unknown>>;
  /** Caveats of how it was produced, for the report. */
  readonly notes?: readonly string[];
}

/**
 * Synthesizes the PayPulse stack in-process, as main.ts does. The handler bundles
 * come from the build manifest; without a build, placeholders stand in (only the
 * zip objects' `source`/`source_hash` depend on them).
 */
export function synthesizeStack(cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): SynthesizedStack {
  const outdir = mkdtempSync(join(tmpdir(), 'parity-synth-'));
  try {
    const { bundles, fellBack } = builtOrPlaceholderBundles(join(outdir, 'bundles'));
    const { config } = synthesizePayPulse({ outdir, bundles, context: cdktfJsonContext(cwd), env });
    const notes = fellBack.size
      ? [`handler bundles not built for ${[...fellBack].sort().join(', ')} (run \`npm run build:handlers\`); their zip objects' source_hash values are placeholders`]
      : [];
    return { ...readSynthesizedStack(outdir, config.stackId), notes };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Reads a stack from an existing `cdktf.out`: the named one, or the only one in the manifest. */
export function readSynthesizedStack(outDir: string, stackName?: string): SynthesizedStack {
  const manifest = readJsonFile(join(outDir, 'manifest.json'), 'cdktf manifest');
  const stacks = isObject(manifest) && isObject(manifest.stacks) ? manifest.stacks : undefined;
  if (!stacks) throw new ParityInputError(`${join(outDir, 'manifest.json')} has no "stacks"; is ${outDir} a cdktf.out directory?`);
  const names = Object.keys(stacks);
  const name = stackName ?? (names.length === 1 ? names[0] : undefined);
  if (!name || !isObject(stacks[name])) {
    throw new ParityInputError(`choose a stack in ${outDir} with --stack (found: ${names.join(', ') || 'none'})`);
  }
  const entry = stacks[name] as { synthesizedStackPath?: unknown };
  const path = join(outDir, typeof entry.synthesizedStackPath === 'string' ? entry.synthesizedStackPath : `stacks/${name}/cdk.tf.json`);
  const json = readJsonFile(path, 'synthesized stack');
  if (!isObject(json)) throw new ParityInputError(`${path}: expected a JSON object`);
  return { name, json };
}


/** A Terraform JSON configuration (the synthesized stack) as a module source. */
export function moduleSourceFromTerraformJson(json: Readonly<Record<string, unknown>>): ModuleSource {
  const resources: Array<ModuleSource['resources'][number]> = [];
  for (const [mode, key] of [
    ['managed', 'resource'],
    ['data', 'data'],
  ] as Array<[ResourceMode, string]>) {
    const byType = json[key];
    if (!isObject(byType)) continue;
    for (const [type, byName] of Object.entries(byType)) {
      if (!isObject(byName)) continue;
      for (const [name, body] of Object.entries(byName)) if (isObject(body)) resources.push({ mode, type, name, body });
    }
  }
  const record = (value: unknown) => (isObject(value) ? value : {});
  const list = (value: unknown) => (Array.isArray(value) ? value.filter(isObject) : []);
  return {
    resources,
    variables: Object.fromEntries(Object.entries(record(json.variable)).map(([k, v]) => [k, record(v)])),
    outputs: Object.fromEntries(Object.entries(record(json.output)).map(([k, v]) => [k, record(v).value])),
    locals: record(json.locals),
    modules: Object.fromEntries(Object.entries(record(json.module)).map(([k, v]) => [k, record(v)])),
    moved: list(json.moved).map((m) => ({ from: String(m.from), to: String(m.to) })),
    imports: list(json.import).map((i) => ({ to: String(i.to), id: i.id })),
  };
}
