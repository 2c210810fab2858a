import { resolve } from 'node:path';
import { ParityInputError } from './errors';
import { loadHclTree } from './hcl-loader';
import { applyIntended, readIntendedFile, type IntendedFile } from './intended';
import { buildConfiguration } from './module-tree';
import type { Row } from './model';
import { planAgainstHcl, planAgainstState } from './plan';
import type { ParityResult } from './report';
import { DEFAULT_OWNED_FILES, Scope } from './scope';
import { moduleSourceFromTerraformJson, readSynthesizedStack, synthesizeStack, type SynthesizedStack } from './stack-loader';
import { readStateFile } from './state-reader';

export interface ParityOptions {
  readonly hcl?: string;
  readonly state?: string;
  /** `--var k=v` overrides, applied to both the stack's and the HCL's root variables. */
  readonly vars?: Readonly<Record<string, string>>;
  readonly strict?: boolean;
  /** An existing cdktf.out to read instead of synthesizing. */
  readonly out?: string;
  readonly stackName?: string;
  /** The intended-differences file; `parity-intended.json` in `cwd` when it exists. */
  readonly intended?: string;
  /** Or the intended differences themselves (tests). */
  readonly intendedFile?: IntendedFile;
  readonly ownedFiles?: readonly string[];
  /** An already synthesized stack (tests reuse one synth). */
  readonly stack?: SynthesizedStack;
  readonly cwd?: string;
}

export async function runParity(options: ParityOptions): Promise<ParityResult> {
  if (!options.hcl && !options.state) throw new ParityInputError('nothing to compare: give --hcl <dir> and/or --state <terraform.tfstate>');
  const cwd = options.cwd ?? process.cwd();
  const intended =
    options.intendedFile ?? readIntendedFile(resolve(cwd, options.intended ?? 'parity-intended.json'), options.intended !== undefined);
  // Read the inputs first: bad input fails fast, before the (slower) synthesis.
  const tree = options.hcl ? await loadHclTree(resolve(cwd, options.hcl)) : undefined;
  const state = options.state ? readStateFile(resolve(cwd, options.state)) : undefined;
  const synthesized = options.stack ?? (options.out ? readSynthesizedStack(resolve(cwd, options.out), options.stackName) : synthesizeStack(cwd));
  const overrides = options.vars ?? {};
  const stack = buildConfiguration(moduleSourceFromTerraformJson(synthesized.json), { overrides });
  const scope = new Scope(stack, { ownedFiles: options.ownedFiles ?? DEFAULT_OWNED_FILES, ownedAddresses: intended.owned });

  const rows: Row[] = [];
  const notes: string[] = [...(synthesized.notes ?? []), ...stack.notes];
  const sources: { hcl?: string; state?: string } = {};
  let hclOwned: Set<string> | undefined;
  if (tree && options.hcl) {
    const hcl = buildConfiguration(tree.root, { overrides, extraMoves: stack.moved, loadModule: tree.loadModule });
    rows.push(...planAgainstHcl(stack, hcl, scope));
    notes.push(...hcl.notes);
    sources.hcl = options.hcl;
    // What the HCL says is ours is ours in the state too.
    hclOwned = new Set(
      [...hcl.resources.values()]
        .filter((r) => r.mode === 'managed' && (stack.resources.has(r.address) || scope.hclInScope(r)))
        .map((r) => r.declaredAt),
    );
  }
  if (state && options.state) {
    rows.push(...planAgainstState(stack, state, scope, hclOwned));
    sources.state = options.state;
  }
  const stale = applyIntended(rows, intended, new Set(Object.keys(sources) as Array<Row['against']>));
  return { stack: synthesized.name, sources, rows, stale, notes, strict: options.strict ?? false };
}
