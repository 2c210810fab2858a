import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { ParityInputError } from './errors';
import type { ModuleSource } from './module-tree';
import { isObject, type ResourceMode } from './model';

export interface HclTree {
  readonly root: ModuleSource;
  /** Resolves a module call's `source` against its parent; undefined for non-local sources. */
  readonly loadModule: (parent: ModuleSource, source: string) => ModuleSource | undefined;
}

/**
 * Parses every `.tf` file of a directory with hcl2json and, recursively, of every
 * local module it calls (`source = "./..."` or `"../..."`).
 */
export async function loadHclTree(rootDir: string): Promise<HclTree> {
  const root = resolve(rootDir);
  const modules = new Map<string, ModuleSource>();
  const load = async (dir: string): Promise<void> => {
    if (modules.has(dir)) return;
    const source = await loadHclModule(dir, root);
    modules.set(dir, source);
    for (const args of Object.values(source.modules)) {
      const src = args.source;
      if (typeof src === 'string' && isLocalSource(src)) await load(resolve(dir, src));
    }
  };
  await load(root);
  return {
    root: modules.get(root)!,
    loadModule: (parent, source) => (parent.dir && isLocalSource(source) ? modules.get(resolve(parent.dir, source)) : undefined),
  };
}

function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../');
}

/** One directory: the declarations of all its `.tf` files merged. */
export async function loadHclModule(dir: string, root = dir): Promise<ModuleSource> {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new ParityInputError(`${dir} is not a directory`);
    names = readdirSync(dir).filter((name) => name.endsWith('.tf')).sort();
  } catch (error) {
    if (error instanceof ParityInputError) throw error;
    throw new ParityInputError(`cannot read HCL directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  if (names.length === 0) throw new ParityInputError(`no .tf files in ${dir}`);

  const module: {
    resources: Array<ModuleSource['resources'][number]>;
    variables: Record<string, { default?: unknown }>;
    outputs: Record<string, unknown>;
    locals: Record<string, unknown>;
    modules: Record<string, Record<string, unknown>>;
    moved: Array<{ from: string; to: string }>;
    imports: Array<{ to: string; id: unknown }>;
  } = { resources: [], variables: {}, outputs: {}, locals: {}, modules: {}, moved: [], imports: [] };

  for (const name of names) {
    const path = join(dir, name);
    const file = relative(root, path);
    const parsed = await parseFile(path);
    for (const [mode, key] of [
      ['managed', 'resource'],
      ['data', 'data'],
    ] as Array<[ResourceMode, string]>) {
      for (const [type, byName] of entries(parsed[key])) {
        for (const [resourceName, bodies] of entries(byName)) {
          module.resources.push({ mode, type, name: resourceName, body: single(bodies, `${file}: ${key} "${type}" "${resourceName}"`), file });
        }
      }
    }
    for (const [varName, bodies] of entries(parsed.variable)) module.variables[varName] = single(bodies, `${file}: variable "${varName}"`);
    for (const [outName, bodies] of entries(parsed.output)) module.outputs[outName] = single(bodies, `${file}: output "${outName}"`).value;
    for (const [callName, bodies] of entries(parsed.module)) module.modules[callName] = single(bodies, `${file}: module "${callName}"`);
    for (const locals of blocks(parsed.locals)) Object.assign(module.locals, locals);
    for (const moved of blocks(parsed.moved)) module.moved.push({ from: String(moved.from), to: String(moved.to) });
    for (const imported of blocks(parsed.import)) module.imports.push({ to: String(imported.to), id: imported.id });
  }
  return { dir, ...module };
}

async function parseFile(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ParityInputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  try {
    const parsed: unknown = await parse(path, text);
    return isObject(parsed) ? parsed : {};
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ParityInputError(`HCL syntax error in ${path}: ${message.replace(/^parse config: /, '')}`, { cause: error });
  }
}

function entries(value: unknown): Array<[string, unknown]> {
  return isObject(value) ? Object.entries(value) : [];
}

function blocks(value: unknown): Array<Record<string, unknown>> {
  return (Array.isArray(value) ? value : [value]).filter(isObject);
}

/** hcl2json gives every block as a list; a name declared twice is an error Terraform would report too. */
function single(bodies: unknown, what: string): Record<string, unknown> {
  const list = blocks(bodies);
  if (list.length !== 1) throw new ParityInputError(`${what} is declared ${list.length} times`);
  return list[0];
}
