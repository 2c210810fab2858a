import { hintsFor } from './attribute-hints';
import { splitInterpolations } from './interpolation';
import { parseJsonStrings } from './normalize';
import { hasInterpolation, isObject, type AttributeDiff, type Val } from './model';

/**
 * Looks up what an interpolation (`aws_s3_bucket.x.id`) evaluates to on one side;
 * undefined when that is not known offline (a resource still to be created,
 * an account id without a data source in the state, ...).
 */
export type Resolve = (expr: string) => Val | undefined;

interface Ctx {
  readonly mode: 'config' | 'state';
  readonly sets: ReadonlySet<string>;
  readonly resolveOld: Resolve;
  readonly resolveNew: Resolve;
}

/**
 * Two configurations of one resource (the existing HCL as `old`, the stack as `new`).
 * Every attribute either side sets is compared; one the other side leaves out counts
 * as the provider default, or null.
 */
export function compareConfigs(
  type: string,
  old: Readonly<Record<string, Val>>,
  neu: Readonly<Record<string, Val>>,
  resolveOld: Resolve,
  resolveNew: Resolve,
): AttributeDiff[] {
  const hints = hintsFor(type);
  const withDefaults = (attrs: Readonly<Record<string, Val>>) => ({ ...hints.defaults, ...attrs });
  const out: AttributeDiff[] = [];
  const ctx: Ctx = { mode: 'config', sets: new Set(hints.sets), resolveOld, resolveNew };
  diffObject(withDefaults(old), withDefaults(neu), '', out, ctx, 'exact');
  return out;
}

/**
 * The stack's configuration of a resource against its attributes in the state. Only
 * what the stack configures is compared, plus the attributes the type hints say
 * Terraform would reset when left out; everything else is computed.
 */
export function compareWithState(
  type: string,
  state: Readonly<Record<string, Val>>,
  config: Readonly<Record<string, Val>>,
  resolveConfig: Resolve,
): AttributeDiff[] {
  const hints = hintsFor(type);
  const expected: Record<string, Val> = {};
  for (const key of hints.optional ?? []) if (key in state) expected[key] = null;
  // A null in the state (e.g. after an import) is not a disagreement with the default.
  for (const [key, value] of Object.entries(hints.defaults ?? {})) if (state[key] !== null && state[key] !== undefined) expected[key] = value;
  Object.assign(expected, config);
  const out: AttributeDiff[] = [];
  const ctx: Ctx = { mode: 'state', sets: new Set(hints.sets), resolveOld: () => undefined, resolveNew: resolveConfig };
  // State keeps policies and other documents as JSON strings; the config side is already parsed.
  diffObject(parseJsonStrings(state) as Record<string, Val>, expected, '', out, ctx, 'block');
  return out;
}

type ObjectMode = 'exact' | 'block';

/**
 * `fromList`: the state side is an element of a list, which is how the state keeps
 * nested blocks; such an object is compared as a block (only what the stack sets).
 * Any other object is a map or a JSON document: compared key by key, both ways,
 * and so is everything below it (`exact`).
 */
function diff(old: Val | undefined, neu: Val | undefined, path: string, out: AttributeDiff[], ctx: Ctx, exact: boolean, fromList: boolean): void {
  // A single nested block is an object on one side and a one-element list on the other.
  if (Array.isArray(old) && old.length === 1 && isObject(old[0]) && isObject(neu)) return diff(old[0], neu, path, out, ctx, exact, true);
  if (Array.isArray(neu) && neu.length === 1 && isObject(neu[0]) && isObject(old)) return diff(old, neu[0], path, out, ctx, exact, fromList);
  if (isObject(old) && isObject(neu)) {
    return diffObject(old, neu, path, out, ctx, ctx.mode === 'state' && !exact && fromList ? 'block' : 'exact');
  }
  if (Array.isArray(old) && Array.isArray(neu)) return diffList(old, neu, path, out, ctx, exact);
  if (!leafEqual(old, neu, ctx)) out.push({ path, old: old ?? null, new: neu ?? null });
}

function diffObject(
  old: Readonly<Record<string, Val>>,
  neu: Readonly<Record<string, Val>>,
  path: string,
  out: AttributeDiff[],
  ctx: Ctx,
  mode: ObjectMode,
): void {
  const keys = mode === 'block' ? Object.keys(neu) : [...new Set([...Object.keys(old), ...Object.keys(neu)])];
  for (const key of keys.sort()) diff(old[key], neu[key], joinPath(path, key), out, ctx, mode === 'exact', false);
}

function diffList(old: readonly Val[], neu: readonly Val[], path: string, out: AttributeDiff[], ctx: Ctx, exact: boolean): void {
  if (ctx.sets.has(path.replace(/\[\d+\]/g, '')) && [...old, ...neu].every((v) => !isObject(v) && !Array.isArray(v))) {
    const sortedOld = [...old].map(String).sort();
    const sortedNew = [...neu].map(String).sort();
    if (sortedOld.length !== sortedNew.length || sortedOld.some((v, i) => !leafEqual(v, sortedNew[i], ctx))) out.push({ path, old: [...old], new: [...neu] });
    return;
  }
  for (let i = 0; i < Math.max(old.length, neu.length); i++) {
    const o = old[i];
    const n = neu[i];
    if (o === undefined || n === undefined) out.push({ path: `${path}[${i}]`, old: o ?? null, new: n ?? null });
    else diff(o, n, `${path}[${i}]`, out, ctx, exact, true);
  }
}

function joinPath(path: string, key: string): string {
  const part = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (!path) return part;
  return part.startsWith('[') ? `${path}${part}` : `${path}.${part}`;
}

function isEmpty(value: Val | undefined): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (isObject(value) && Object.keys(value).length === 0)
  );
}

/** Terraform converts between strings, numbers and bools as the schema says; so do we. */
function scalarEqual(a: Val | undefined, b: Val | undefined): boolean {
  if (a === b) return true;
  if (isEmpty(a) && isEmpty(b)) return true;
  const scalar = (v: Val | undefined) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  if (scalar(a) && scalar(b)) return String(a) === String(b);
  if ((isObject(a) || Array.isArray(a)) && (isObject(b) || Array.isArray(b))) return deepEqual(a, b);
  return false;
}

function deepEqual(a: Val | undefined, b: Val | undefined): boolean {
  const probe: AttributeDiff[] = [];
  diff(a, b, '', probe, { mode: 'config', sets: new Set(), resolveOld: () => undefined, resolveNew: () => undefined }, true, false);
  return probe.length === 0;
}

function leafEqual(old: Val | undefined, neu: Val | undefined, ctx: Ctx): boolean {
  if (scalarEqual(old, neu)) return true;
  if (ctx.mode === 'config') {
    const o = substitute(old, ctx.resolveOld);
    const n = substitute(neu, ctx.resolveNew);
    return scalarEqual(o, n) || (typeof o === 'string' && typeof n === 'string' && environmentEqual(o, n));
  }
  if (typeof neu === 'string' && hasInterpolation(neu)) return matchesTemplate(neu, old, ctx.resolveNew);
  return false;
}

/** Replaces interpolations with the values they are known to have (config mode). */
function substitute(value: Val | undefined, resolve: Resolve): Val | undefined {
  if (typeof value !== 'string' || !hasInterpolation(value)) return value;
  const segments = splitInterpolations(value);
  if (segments.length === 1 && 'expr' in segments[0]) {
    const resolved = resolve(segments[0].expr);
    return resolved === undefined ? value : resolved;
  }
  return segments
    .map((s) => {
      if ('text' in s) return s.text;
      const resolved = resolve(s.expr);
      return typeof resolved === 'string' || typeof resolved === 'number' || typeof resolved === 'boolean' ? String(resolved) : `\${${s.expr}}`;
    })
    .join('');
}

/**
 * Whether a state value matches a configured template. Interpolations are
 * resolved through the state where possible; an unknown one matches anything,
 * as Terraform would only know it after apply.
 */
function matchesTemplate(template: string, actual: Val | undefined, resolve: Resolve): boolean {
  const segments = splitInterpolations(template);
  if (segments.length === 1 && 'expr' in segments[0]) {
    const resolved = resolve(segments[0].expr);
    return resolved === undefined || scalarEqual(actual, resolved) || (typeof resolved === 'string' && hasInterpolation(resolved) && matchesTemplate(resolved, actual, resolve));
  }
  if (typeof actual !== 'string' && typeof actual !== 'number') return false;
  const pattern = segments
    .map((s) => {
      if ('text' in s) return escapeRegExp(s.text);
      const resolved = resolve(s.expr);
      return typeof resolved === 'string' && !hasInterpolation(resolved) ? escapeRegExp(resolved) : typeof resolved === 'number' ? String(resolved) : '[^]*?';
    })
    .join('');
  return new RegExp(`^${pattern}$`).test(String(actual));
}

const ENVIRONMENT_PATTERNS: Record<string, string> = {
  partition: '(?:aws[a-z-]*|\\$\\{partition\\})',
  account: '(?:\\d{12}|\\$\\{account\\})',
  region: '(?:[a-z]{2}(?:-[a-z]+)+-\\d|\\$\\{region\\})',
};

/** Spells the deployment's partition, account and region the same way whichever data source reads them. */
function environmentCanonical(value: string): string {
  return value
    .replace(/\$\{(?:module\.[^.}]+\.)*data\.aws_partition\.[^.}]+\.partition\}/g, '${partition}')
    .replace(/\$\{(?:module\.[^.}]+\.)*data\.aws_caller_identity\.[^.}]+\.account_id\}/g, '${account}')
    .replace(/\$\{(?:module\.[^.}]+\.)*data\.aws_region\.[^.}]+\.(?:name|region|id)\}/g, '${region}');
}

function environmentPattern(value: string): RegExp {
  const body = splitInterpolations(value)
    .map((s) => ('text' in s ? escapeRegExp(s.text) : (ENVIRONMENT_PATTERNS[s.expr] ?? escapeRegExp(`\${${s.expr}}`))))
    .join('');
  return new RegExp(`^${body}$`);
}

/**
 * Config against config: the same string once the deployment's partition, account and
 * region (one side a data source or a computed ARN, the other a literal) are allowed to
 * stand for each other. Other unresolved references must match by target.
 */
function environmentEqual(a: string, b: string): boolean {
  const [ca, cb] = [environmentCanonical(a), environmentCanonical(b)];
  if (ca === cb) return true;
  return environmentPattern(ca).test(cb) || environmentPattern(cb).test(ca);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
