import { hintsFor } from './attribute-hints';
import type { Resolve } from './compare';
import { parseExpression } from './hcl-expression';
import type { Moves } from './moves';
import { isObject, type Configuration, type StateFile, type Val } from './model';

/** A canonical reference split into the resource address and the attribute path in it. */
export interface Reference {
  readonly address: string;
  readonly path: ReadonlyArray<string | number>;
}

/** `module.m.aws_x.y.attr[0]` -> address `module.m.aws_x.y`, path ['attr', 0]; undefined if not a reference. */
export function splitReference(expr: string): Reference | undefined {
  let parsed;
  try {
    parsed = parseExpression(expr);
  } catch {
    return undefined;
  }
  if (parsed.kind !== 'traversal') return undefined;
  const names: Array<string | number> = [parsed.root];
  for (const step of parsed.steps) {
    if (step.type === 'attr') names.push(step.name);
    else if (step.key.kind === 'literal' && (typeof step.key.value === 'number' || typeof step.key.value === 'string')) names.push(step.key.value);
    else return undefined;
  }
  let i = 0;
  const address: string[] = [];
  while (names[i] === 'module' && typeof names[i + 1] === 'string') {
    address.push('module', String(names[i + 1]));
    i += 2;
  }
  if (names[i] === 'data') address.push(String(names[i++]));
  if (['var', 'local', 'path', 'terraform', 'count', 'each', 'self', 'module'].includes(String(names[i]))) return undefined;
  if (typeof names[i] !== 'string' || typeof names[i + 1] !== 'string') return undefined;
  address.push(String(names[i]), String(names[i + 1]));
  return { address: address.join('.'), path: names.slice(i + 2) };
}

/** Follows a path into a value; a one-element list (a nested block) is stepped through by name. */
export function valueAt(root: Val | undefined, path: ReadonlyArray<string | number>): Val | undefined {
  let current = root;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'string' && current.length === 1) current = current[0];
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isObject(current)) current = current[String(key)];
    else return undefined;
  }
  return current;
}

function typeOf(address: string): string {
  const parts = address.split('.');
  return parts[parts.length - 2] ?? '';
}

/** Attribute path with a type's aliases applied (`aws_s3_bucket.x.id` is its `bucket`). */
function aliased(address: string, path: ReadonlyArray<string | number>): ReadonlyArray<string | number> {
  const alias = typeof path[0] === 'string' ? hintsFor(typeOf(address)).aliases?.[path[0]] : undefined;
  return alias ? [alias, ...path.slice(1)] : path;
}

/** Resolves references through a configuration's own configured values (HCL vs stack). */
export function configResolver(config: Configuration): Resolve {
  return (expr) => {
    const ref = splitReference(expr);
    const resource = ref && config.resources.get(ref.address);
    if (!ref || !resource) return undefined;
    return (
      valueAt(resource.attributes, ref.path) ??
      valueAt(resource.attributes, aliased(ref.address, ref.path)) ??
      (ref.path.length === 1 && ref.path[0] === 'arn' ? arnOf(resource.type, resource.attributes) : undefined)
    );
  };
}

/** The deployment's partition, region and account: compared as wildcards (see compare.ts). */
export const ENVIRONMENT_TOKENS = { partition: '${partition}', region: '${region}', account: '${account}' } as const;

/** A computed ARN from the type's template, when every attribute it needs is configured and known. */
function arnOf(type: string, attributes: Readonly<Record<string, Val>>): string | undefined {
  const template = hintsFor(type).arn;
  if (!template) return undefined;
  let unknown = false;
  const arn = template.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    if (name in ENVIRONMENT_TOKENS) return ENVIRONMENT_TOKENS[name as keyof typeof ENVIRONMENT_TOKENS];
    const value = attributes[name];
    if (typeof value !== 'string' || value.includes('${')) unknown = true;
    return String(value);
  });
  return unknown ? undefined : arn;
}

/**
 * Resolves the stack's references through the state: the target is looked up at
 * its own address or at any address that `moved` blocks bring to it.
 */
export function stateResolver(state: StateFile, moves: Moves): Resolve {
  return (expr) => {
    const ref = splitReference(expr);
    if (!ref) return undefined;
    const found = stateResourceFor(state, moves, ref.address);
    if (!found) return undefined;
    const attributes = found.attributes;
    return valueAt(attributes, ref.path) ?? valueAt(attributes, aliased(ref.address, ref.path)) ?? undefined;
  };
}

/** The state entry for a stack address: at the address itself, or at an old address that moves to it. */
export function stateResourceFor(state: StateFile, moves: Moves, address: string) {
  for (const candidate of moves.originsOf(address, state.resources.keys())) {
    const found = state.resources.get(candidate);
    if (found) return found;
  }
  return undefined;
}
