import type { Expr, TraversalStep } from './hcl-expression';
import { hasInterpolation, isObject, type Val } from './model';

/** What an expression is evaluated against: one module instance of a configuration. */
export interface EvalContext {
  /** Address prefix of the module, '' at the root, `module.lambdas.` inside that module. */
  readonly prefix: string;
  /** The value of `var.<name>`, or undefined when it has no default and no override. */
  variable(name: string): Val | undefined;
  local(name: string): Val | undefined;
  /** The value of `module.<name>.<output>` (already in the caller's canonical form). */
  moduleOutput(module: string, output: string): Val | undefined;
  /** Applies `moved` blocks to a resource address. */
  canonical(address: string): string;
  /** Reports something that could not be evaluated. */
  warn?(message: string): void;
}

const OPAQUE_ROOTS = new Set(['path', 'terraform', 'count', 'each', 'self']);

/** Evaluates an expression to a canonical `Val` (see model.ts). */
export function evaluate(expr: Expr, ctx: EvalContext): Val {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'template': {
      if (expr.parts.length === 1 && typeof expr.parts[0] !== 'string') return evaluate(expr.parts[0], ctx);
      return expr.parts.map((part) => (typeof part === 'string' ? part : templateString(evaluate(part, ctx)))).join('');
    }
    case 'tuple':
      return expr.items.map((item) => evaluate(item, ctx));
    case 'object': {
      const out: { [key: string]: Val } = {};
      for (const { key, value } of expr.items) out[templateString(evaluate(key, ctx))] = evaluate(value, ctx);
      return out;
    }
    case 'traversal':
      return traversal(expr.root, expr.steps, ctx);
    case 'call':
      return call(expr.name, expr.args.map((arg) => evaluate(arg, ctx)));
    case 'unary': {
      const operand = evaluate(expr.operand, ctx);
      if (!isKnown(operand)) return opaque(`${expr.op}${print(operand)}`);
      return expr.op === '!' ? !operand : -Number(operand);
    }
    case 'binary':
      return binary(expr.op, evaluate(expr.left, ctx), evaluate(expr.right, ctx));
    case 'conditional': {
      const cond = evaluate(expr.cond, ctx);
      if (typeof cond === 'boolean') return evaluate(cond ? expr.then : expr.else, ctx);
      return opaque(`${print(cond)} ? ${print(evaluate(expr.then, ctx))} : ${print(evaluate(expr.else, ctx))}`);
    }
    case 'opaque':
      return opaque(expr.text);
  }
}

/** A value as it appears inside a template string. */
export function templateString(value: Val): string {
  if (typeof value === 'string') return value;
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Whether a value contains no interpolation anywhere. */
export function isKnown(value: Val): boolean {
  if (typeof value === 'string') return !hasInterpolation(value);
  if (Array.isArray(value)) return value.every(isKnown);
  if (isObject(value)) return Object.values(value).every(isKnown);
  return true;
}

function opaque(text: string): string {
  return `\${${text}}`;
}

/** How a value is spelled inside an opaque interpolation. */
function print(value: Val): string {
  if (typeof value === 'string') {
    const whole = value.match(/^\$\{(.*)\}$/s);
    if (whole && !hasInterpolation(whole[1])) return whole[1];
    return JSON.stringify(value);
  }
  return JSON.stringify(value);
}

function stepText(step: TraversalStep, ctx: EvalContext): string {
  if (step.type === 'attr') return `.${step.name}`;
  const key = evaluate(step.key, ctx);
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(templateString(key))}]`;
}

function attrName(step: TraversalStep | undefined): string | undefined {
  return step?.type === 'attr' ? step.name : undefined;
}

function traversal(root: string, steps: readonly TraversalStep[], ctx: EvalContext): Val {
  const text = (from: number) =>
    steps
      .slice(from)
      .map((s) => stepText(s, ctx))
      .join('');
  if (OPAQUE_ROOTS.has(root)) return opaque(`${root}${text(0)}`);
  if (root === 'var' || root === 'local') {
    const name = attrName(steps[0]);
    if (!name) return opaque(`${root}${text(0)}`);
    const value = root === 'var' ? ctx.variable(name) : ctx.local(name);
    if (value === undefined) return opaque(`${root}.${name}${text(1)}`);
    return applySteps(value, steps.slice(1), ctx);
  }
  if (root === 'module') {
    const name = attrName(steps[0]);
    const output = attrName(steps[1]);
    if (!name) return opaque(`module${text(0)}`);
    if (!output) return opaque(`${ctx.canonical(`${ctx.prefix}module.${name}`)}${text(1)}`);
    const value = ctx.moduleOutput(name, output);
    if (value === undefined) return opaque(`${ctx.canonical(`${ctx.prefix}module.${name}`)}.${output}${text(2)}`);
    return applySteps(value, steps.slice(2), ctx);
  }
  if (root === 'data') {
    const [type, name] = [attrName(steps[0]), attrName(steps[1])];
    if (!type || !name) return opaque(`data${text(0)}`);
    return opaque(`${ctx.canonical(`${ctx.prefix}data.${type}.${name}`)}${text(2)}`);
  }
  const name = attrName(steps[0]);
  if (!name) return opaque(`${root}${text(0)}`);
  return opaque(`${ctx.canonical(`${ctx.prefix}${root}.${name}`)}${text(1)}`);
}

/** Indexes into a known value; appends to the spelling of a reference. */
function applySteps(value: Val, steps: readonly TraversalStep[], ctx: EvalContext): Val {
  let current = value;
  for (const [i, step] of steps.entries()) {
    const key = step.type === 'attr' ? step.name : evaluate(step.key, ctx);
    if (typeof current === 'string' && /^\$\{[^]*\}$/.test(current) && !hasInterpolation(current.slice(2, -1))) {
      return opaque(`${current.slice(2, -1)}${steps.slice(i).map((s) => stepText(s, ctx)).join('')}`);
    }
    if (Array.isArray(current) && typeof key === 'number') current = current[key] ?? null;
    else if (isObject(current) && (typeof key === 'string' || typeof key === 'number')) current = current[String(key)] ?? null;
    else return opaque(`${print(current)}${steps.slice(i).map((s) => stepText(s, ctx)).join('')}`);
  }
  return current;
}

function binary(op: string, left: Val, right: Val): Val {
  if (!isKnown(left) || !isKnown(right)) return opaque(`${print(left)} ${op} ${print(right)}`);
  switch (op) {
    case '==':
      return JSON.stringify(left) === JSON.stringify(right);
    case '!=':
      return JSON.stringify(left) !== JSON.stringify(right);
    case '&&':
      return Boolean(left) && Boolean(right);
    case '||':
      return Boolean(left) || Boolean(right);
  }
  const [a, b] = [Number(left), Number(right)];
  const results: Record<string, number | boolean> = {
    '+': a + b,
    '-': a - b,
    '*': a * b,
    '/': a / b,
    '%': a % b,
    '<': a < b,
    '>': a > b,
    '<=': a <= b,
    '>=': a >= b,
  };
  return results[op] ?? opaque(`${print(left)} ${op} ${print(right)}`);
}

type Fn = (args: Val[]) => Val | undefined;

const str = (v: Val): string | undefined => (typeof v === 'string' && !hasInterpolation(v) ? v : typeof v === 'number' ? String(v) : undefined);

/**
 * The functions evaluated offline. `jsonencode` returns the structure itself: JSON
 * strings are parsed into structures on both sides anyway, so the two meet there.
 * Anything else (or an unknown argument) stays an opaque interpolation.
 */
const FUNCTIONS: Record<string, Fn> = {
  jsonencode: ([v]) => v,
  jsondecode: ([v]) => {
    const s = str(v ?? null);
    if (s === undefined) return undefined;
    try {
      return JSON.parse(s) as Val;
    } catch {
      return undefined;
    }
  },
  tostring: ([v]) => (typeof v === 'string' ? v : v === null || v === undefined || isObject(v) || Array.isArray(v) ? undefined : String(v)),
  tonumber: ([v]) => (typeof v === 'number' ? v : str(v ?? null) !== undefined && !Number.isNaN(Number(v)) ? Number(v) : undefined),
  tobool: ([v]) => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined),
  tolist: ([v]) => (Array.isArray(v) ? v : undefined),
  toset: ([v]) => (Array.isArray(v) ? [...new Set(v.map((x) => JSON.stringify(x)))].map((x) => JSON.parse(x) as Val) : undefined),
  tomap: ([v]) => (isObject(v) ? v : undefined),
  merge: (args) => (args.every(isObject) ? Object.assign({}, ...args) : undefined),
  concat: (args) => (args.every(Array.isArray) ? (args as Val[][]).flat() : undefined),
  lower: ([v]) => str(v ?? null)?.toLowerCase(),
  upper: ([v]) => str(v ?? null)?.toUpperCase(),
  trimspace: ([v]) => str(v ?? null)?.trim(),
  join: ([sep, list]) => {
    const s = str(sep ?? null);
    if (s === undefined || !Array.isArray(list) || !list.every((x) => str(x) !== undefined)) return undefined;
    return list.map((x) => str(x)!).join(s);
  },
  format: ([fmt, ...rest]) => {
    const f = str(fmt ?? null);
    if (f === undefined || !rest.every((x) => str(x) !== undefined)) return undefined;
    let i = 0;
    return f.replace(/%[sd%]/g, (m) => (m === '%%' ? '%' : str(rest[i++] ?? null) ?? m));
  },
  length: ([v]) => (Array.isArray(v) ? v.length : isObject(v) ? Object.keys(v).length : str(v ?? null)?.length),
  lookup: ([map, key, fallback]) => {
    const k = str(key ?? null);
    if (!isObject(map) || k === undefined) return undefined;
    return map[k] ?? fallback;
  },
};

function call(name: string, args: Val[]): Val {
  const fn = FUNCTIONS[name];
  const result = name in FUNCTIONS && args.every((arg) => name === 'jsonencode' || name === 'merge' || name === 'concat' || isKnown(arg)) ? fn(args) : undefined;
  return result === undefined ? opaque(`${name}(${args.map(print).join(', ')})`) : result;
}
