import type { EvalContext } from './evaluate';
import { Moves } from './moves';
import type { ConfigResource, Configuration, ImportBlock, MovedBlock, ResourceMode, Val } from './model';
import { normalizeBody, normalizeValue } from './normalize';

/** One module's declarations, whichever syntax they came from. Values are raw (templates as strings). */
export interface ModuleSource {
  /** Directory of the module, to resolve local module sources against (HCL only). */
  readonly dir?: string;
  readonly resources: ReadonlyArray<{
    readonly mode: ResourceMode;
    readonly type: string;
    readonly name: string;
    readonly body: Readonly<Record<string, unknown>>;
    readonly file?: string;
  }>;
  readonly variables: Readonly<Record<string, { readonly default?: unknown }>>;
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly locals: Readonly<Record<string, unknown>>;
  /** Module calls: their arguments, `source` included. */
  readonly modules: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly moved: readonly MovedBlock[];
  readonly imports: ReadonlyArray<{ readonly to: string; readonly id: unknown }>;
}

export interface BuildOptions {
  /** `--var k=v` overrides of root variables. */
  readonly overrides: Readonly<Record<string, string>>;
  /** `moved` blocks to apply in addition to the configuration's own (the stack's, for HCL). */
  readonly extraMoves?: readonly MovedBlock[];
  /** Loads a child module from a `source`; undefined when it cannot be followed (registry, git). */
  readonly loadModule?: (parent: ModuleSource, source: string) => ModuleSource | undefined;
}

const UNRESOLVED = Symbol('unresolved');

/** Evaluates a module tree into a flat configuration of canonical resources. */
export function buildConfiguration(root: ModuleSource, options: BuildOptions): Configuration {
  const notes: string[] = [];
  const ownMoves: MovedBlock[] = [];
  const imports: ImportBlock[] = [];
  // Moved blocks are plain addresses; collect them from the whole tree before evaluating anything.
  const sources = new Map<string, ModuleSource>();
  const collect = (source: ModuleSource, prefix: string) => {
    sources.set(prefix, source);
    for (const m of source.moved) ownMoves.push({ from: prefix + stripInterpolation(m.from), to: prefix + stripInterpolation(m.to) });
    for (const [name, args] of Object.entries(source.modules)) {
      const src = typeof args.source === 'string' ? args.source : '';
      const child = options.loadModule?.(source, src);
      if (child) collect(child, `${prefix}module.${name}.`);
      else notes.push(`${prefix}module.${name}: source ${JSON.stringify(src)} is not a local directory; its resources are not compared`);
    }
  };
  collect(root, '');
  const moves = new Moves([...(options.extraMoves ?? []), ...ownMoves]);
  const instances = new Map<string, ModuleInstance>();
  const instance = (prefix: string): ModuleInstance | undefined => {
    const source = sources.get(prefix);
    if (!source) return undefined;
    let existing = instances.get(prefix);
    if (!existing) {
      existing = new ModuleInstance(source, prefix, moves, options, instance, (m) => notes.push(`${prefix || 'root module'}: ${m}`));
      instances.set(prefix, existing);
    }
    return existing;
  };

  const resources = new Map<string, ConfigResource>();
  for (const prefix of sources.keys()) {
    const module = instance(prefix)!;
    for (const r of module.source.resources) {
      const declaredAt = `${prefix}${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`;
      const address = moves.resolve(declaredAt);
      const { attributes, ignoreChanges } = normalizeBody(r.body, module.ctx);
      if (resources.has(address)) notes.push(`${declaredAt}: more than one declaration resolves to ${address}; the last one is compared`);
      resources.set(address, { address, declaredAt, mode: r.mode, type: r.type, attributes, ignoreChanges, ...(r.file ? { file: r.file } : {}) });
    }
    for (const i of module.source.imports) {
      const id = normalizeValue(i.id, module.ctx);
      imports.push({ to: moves.resolve(prefix + stripInterpolation(i.to)), id: typeof id === 'string' ? id : JSON.stringify(id) });
    }
  }
  return { resources, moved: moves.blocks, imports, notes };
}

/** `${module.a.b}` (hcl2json spelling of a bare traversal) -> `module.a.b`. */
export function stripInterpolation(text: string): string {
  return text.replace(/^\$\{([^]*)\}$/, '$1').trim();
}

class ModuleInstance {
  readonly ctx: EvalContext;
  private readonly memo = new Map<string, Val | typeof UNRESOLVED>();

  constructor(
    readonly source: ModuleSource,
    readonly prefix: string,
    moves: Moves,
    options: BuildOptions,
    private readonly instance: (prefix: string) => ModuleInstance | undefined,
    warn: (message: string) => void,
  ) {
    const parentPrefix = prefix.replace(/module\.[^.]+\.$/, '');
    const ownName = prefix.match(/module\.([^.]+)\.$/)?.[1];
    this.ctx = {
      prefix,
      canonical: (address) => moves.resolve(address),
      warn,
      variable: (name) =>
        this.once(`var.${name}`, () => {
          if (prefix === '' && name in options.overrides) return options.overrides[name];
          const parent = ownName === undefined ? undefined : this.instance(parentPrefix);
          const args = parent?.source.modules[ownName ?? ''];
          if (parent && args && name in args) return normalizeValue(args[name], parent.ctx);
          const declared = source.variables[name];
          return declared && 'default' in declared ? normalizeValue(declared.default, this.ctx) : undefined;
        }),
      local: (name) => this.once(`local.${name}`, () => (name in source.locals ? normalizeValue(source.locals[name], this.ctx) : undefined)),
      moduleOutput: (module, output) =>
        this.once(`module.${module}.${output}`, () => {
          const child = this.instance(`${prefix}module.${module}.`);
          if (!child || !(output in child.source.outputs)) return undefined;
          return normalizeValue(child.source.outputs[output], child.ctx);
        }),
    };
  }

  /** Memoized, and a reference cycle evaluates to unknown instead of recursing forever. */
  private once(key: string, compute: () => Val | undefined): Val | undefined {
    if (this.memo.has(key)) {
      const value = this.memo.get(key);
      return value === UNRESOLVED ? undefined : value;
    }
    this.memo.set(key, UNRESOLVED);
    const value = compute();
    this.memo.set(key, value === undefined ? UNRESOLVED : value);
    return value;
  }
}
