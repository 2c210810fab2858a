import { StackJsonError, type StackJson } from './stack-json';

/**
 * Resolves the Terraform interpolations a synthesized stack uses for names:
 * `${var.x}` → the variable's default, and `${<type>.<name>.<attr>}` → an
 * attribute the resource sets literally (following references again). What is
 * only known after apply (an ARN, an id the provider picks) resolves to
 * `undefined`, and the caller decides.
 */
const INTERPOLATION = /\$\{([^}]*)\}/g;
const WHOLE = /^\$\{([^}]*)\}$/;

/** For these, the attribute Terraform reports equals one the configuration sets. */
const ATTRIBUTE_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  aws_s3_bucket: { id: 'bucket' },
  aws_lambda_function: { id: 'function_name' },
};

function resolveReference(tf: StackJson, ref: string, depth: number): unknown {
  const parts = ref.trim().split('.');
  if (parts[0] === 'var' && parts.length === 2) return tf.variable?.[parts[1]]?.default;
  if (parts.length !== 3) return undefined;
  const [type, name, attribute] = parts;
  const block = tf.resource?.[type]?.[name];
  if (!block) throw new StackJsonError(`The stack refers to ${type}.${name}, which it does not define`);
  const value = block[ATTRIBUTE_ALIASES[type]?.[attribute] ?? attribute];
  return value === undefined ? undefined : resolveValue(tf, value, depth + 1);
}

export function resolveValue(tf: StackJson, value: unknown, depth = 0): unknown {
  if (typeof value !== 'string' || !value.includes('${')) return value;
  if (depth > 10) throw new StackJsonError(`Reference cycle while resolving ${value}`);
  const whole = WHOLE.exec(value);
  if (whole) return resolveReference(tf, whole[1], depth);
  let unresolved = false;
  const text = value.replace(INTERPOLATION, (_, ref: string) => {
    const resolved = resolveReference(tf, ref, depth);
    if (resolved === undefined) unresolved = true;
    return String(resolved);
  });
  return unresolved ? undefined : text;
}

/** The resource an expression like `${aws_lambda_function.parse_invoice.arn}` points at, if it is a bare reference. */
export function referencedResource(value: unknown): { type: string; name: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const whole = WHOLE.exec(value);
  const parts = whole?.[1].trim().split('.');
  return parts && parts.length === 3 && parts[0] !== 'var' ? { type: parts[0], name: parts[1] } : undefined;
}
