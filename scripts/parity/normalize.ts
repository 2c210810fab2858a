import { evaluate, type EvalContext } from './evaluate';
import { HclExpressionError, parseTemplate } from './hcl-expression';
import { isObject, type Val } from './model';

/**
 * Keys that are Terraform meta-arguments or CDKTF metadata, not resource attributes:
 * they never show in a plan as an attribute change.
 */
export const META_KEYS = new Set(['//', 'depends_on', 'provider', 'lifecycle', 'count', 'for_each', 'provisioner', 'connection']);

export interface NormalizedBody {
  readonly attributes: Record<string, Val>;
  readonly ignoreChanges: string[];
}

/**
 * Brings a resource body (Terraform JSON syntax or hcl2json output: strings are
 * templates, blocks are objects or lists of objects) into canonical form.
 */
export function normalizeBody(body: Readonly<Record<string, unknown>>, ctx: EvalContext): NormalizedBody {
  const attributes: Record<string, Val> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!META_KEYS.has(key)) attributes[key] = normalizeValue(value, ctx);
  }
  return { attributes, ignoreChanges: ignoreChanges(body.lifecycle) };
}

/** Evaluates every string as a template, drops `//` metadata, parses JSON strings into structures. */
export function normalizeValue(raw: unknown, ctx: EvalContext): Val {
  if (typeof raw === 'string') {
    let parsed;
    try {
      parsed = parseTemplate(raw);
    } catch (error) {
      if (!(error instanceof HclExpressionError)) throw error;
      // Syntax this parser does not cover: the raw text stays, and compares only by spelling.
      ctx.warn?.(`expression not evaluated (${error.message}); compared by its text`);
      return raw;
    }
    return parseJsonStrings(evaluate(parsed, ctx));
  }
  if (Array.isArray(raw)) return raw.map((item) => normalizeValue(item, ctx));
  if (isObject(raw)) {
    const out: { [key: string]: Val } = {};
    for (const [key, value] of Object.entries(raw)) if (key !== '//') out[key] = normalizeValue(value, ctx);
    return out;
  }
  if (raw === undefined) return null;
  return raw as Val;
}

/**
 * Strings holding a JSON object or array become structures (a policy written as
 * `jsonencode({...})` in HCL and as a JSON string in the stack then meet), and
 * IAM policy documents get their equivalences applied.
 */
export function parseJsonStrings(value: Val): Val {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if ((trimmed.startsWith('{') && trimmed.endsWith('}')) || (trimmed.startsWith('[') && trimmed.endsWith(']'))) {
      try {
        return parseJsonStrings(JSON.parse(trimmed) as Val);
      } catch {
        return value;
      }
    }
    return value;
  }
  if (Array.isArray(value)) return value.map(parseJsonStrings);
  if (isObject(value)) {
    const out: { [key: string]: Val } = {};
    for (const [key, v] of Object.entries(value)) out[key] = parseJsonStrings(v);
    return isPolicyDocument(out) ? normalizePolicy(out) : out;
  }
  return value;
}

function isPolicyDocument(value: { [key: string]: Val }): boolean {
  return 'Statement' in value && (Array.isArray(value.Statement) || isObject(value.Statement));
}

const POLICY_LIST_KEYS = ['Action', 'NotAction', 'Resource', 'NotResource'];

/**
 * IAM's own equivalences, as the AWS provider applies them when it decides whether
 * a policy changed: a single statement equals a one-element list, a string equals a
 * one-element list, and the order of actions, resources and principals is irrelevant.
 */
export function normalizePolicy(doc: { [key: string]: Val }): { [key: string]: Val } {
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  return {
    ...doc,
    Statement: statements.map((statement) => {
      if (!isObject(statement)) return statement;
      const out: { [key: string]: Val } = { ...statement };
      for (const key of POLICY_LIST_KEYS) if (key in out) out[key] = asSortedList(out[key]);
      for (const key of ['Principal', 'NotPrincipal']) {
        const principal = out[key];
        if (isObject(principal)) out[key] = Object.fromEntries(Object.entries(principal).map(([k, v]) => [k, asSortedList(v)]));
      }
      if (out.Sid === '') delete out.Sid;
      return out;
    }),
  };
}

function asSortedList(value: Val): Val {
  const list = Array.isArray(value) ? value : [value];
  return list.every((v) => typeof v === 'string') ? [...new Set(list as string[])].sort() : list;
}

function ignoreChanges(lifecycle: unknown): string[] {
  const blocks = Array.isArray(lifecycle) ? lifecycle : lifecycle ? [lifecycle] : [];
  const paths: string[] = [];
  for (const block of blocks) {
    if (!isObject(block)) continue;
    const list = block.ignore_changes;
    const items = Array.isArray(list) ? list : [list];
    for (const item of items) if (typeof item === 'string') paths.push(item.replace(/^\$\{(.*)\}$/, '$1'));
  }
  return paths;
}
