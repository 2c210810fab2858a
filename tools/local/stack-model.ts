import { referencedResource, resolveValue } from '../stack-json/terraform-refs';
import { StackJsonError, type Block, type StackJson } from '../stack-json/stack-json';

/** One `lambda_function` block of an `aws_s3_bucket_notification`, with every name resolved. */
export interface NotificationRoute {
  readonly bucket: string;
  readonly functionName: string;
  /** e.g. `s3:ObjectCreated:*`. */
  readonly events: readonly string[];
  /** `filter_prefix`, '' when absent. */
  readonly prefix: string;
  /** `filter_suffix`, '' when absent. */
  readonly suffix: string;
}

export interface FunctionDefinition {
  readonly functionName: string;
  /** The Terraform address, e.g. `aws_lambda_function.parse_invoice`. */
  readonly address: string;
  /** `environment.variables`, references resolved; variables with no default are left out. */
  readonly environment: Readonly<Record<string, string>>;
  /** Environment variables whose value is only known at apply time (e.g. a sensitive variable with no default). */
  readonly unresolved: readonly string[];
}

/** What the local pipeline takes from a synthesized stack. */
export interface StackModel {
  readonly region: string;
  readonly buckets: readonly string[];
  readonly routes: readonly NotificationRoute[];
  /** By function name. */
  readonly functions: Readonly<Record<string, FunctionDefinition>>;
}


function asArray<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

function resolveString(tf: StackJson, value: unknown, what: string): string {
  const resolved = resolveValue(tf, value);
  if (typeof resolved !== 'string' || resolved === '') {
    throw new StackJsonError(`${what} (${JSON.stringify(value)}) does not resolve to a name without a deployment`);
  }
  return resolved;
}

function resourcesOf(tf: StackJson, type: string): Array<[name: string, block: Block]> {
  return Object.entries(tf.resource?.[type] ?? {});
}

function readFunctions(tf: StackJson): Record<string, FunctionDefinition> {
  const functions: Record<string, FunctionDefinition> = {};
  for (const [name, block] of resourcesOf(tf, 'aws_lambda_function')) {
    const address = `aws_lambda_function.${name}`;
    const functionName = resolveString(tf, block.function_name, `${address}.function_name`);
    const environment: Record<string, string> = {};
    const unresolved: string[] = [];
    for (const env of asArray<Block>(block.environment as Block | Block[] | undefined)) {
      for (const [variable, value] of Object.entries((env.variables ?? {}) as Block)) {
        const resolved = resolveValue(tf, value);
        if (resolved === undefined || resolved === null) unresolved.push(variable);
        else environment[variable] = String(resolved);
      }
    }
    functions[functionName] = { functionName, address, environment, unresolved };
  }
  return functions;
}

function targetFunction(tf: StackJson, arn: unknown, where: string): string {
  const ref = referencedResource(arn);
  if (ref?.type === 'aws_lambda_function') {
    return resolveString(tf, tf.resource?.aws_lambda_function?.[ref.name]?.function_name, `aws_lambda_function.${ref.name}.function_name`);
  }
  const literal = typeof arn === 'string' ? /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(arn) : null;
  if (literal) return literal[1];
  throw new StackJsonError(`${where}.lambda_function_arn (${JSON.stringify(arn)}) names no function of this stack`);
}

function readRoutes(tf: StackJson): NotificationRoute[] {
  const routes: NotificationRoute[] = [];
  for (const [name, block] of resourcesOf(tf, 'aws_s3_bucket_notification')) {
    const where = `aws_s3_bucket_notification.${name}`;
    const bucket = resolveString(tf, block.bucket, `${where}.bucket`);
    for (const target of asArray<Block>(block.lambda_function as Block | Block[] | undefined)) {
      routes.push({
        bucket,
        functionName: targetFunction(tf, target.lambda_function_arn, where),
        events: asArray<string>(target.events as string | string[] | undefined),
        prefix: String(resolveValue(tf, target.filter_prefix) ?? ''),
        suffix: String(resolveValue(tf, target.filter_suffix) ?? ''),
      });
    }
  }
  return routes;
}

function readRegion(tf: StackJson, fallback: string): string {
  const provider = tf.provider?.aws?.[0];
  const region = resolveValue(tf, provider?.region) ?? tf.variable?.aws_region?.default;
  return typeof region === 'string' && region !== '' ? region : fallback;
}

/** Reads buckets, notification routes and function environments from a synthesized stack. */
export function readStackModel(tf: StackJson, fallbackRegion: string): StackModel {
  const buckets = resourcesOf(tf, 'aws_s3_bucket').map(([name, block]) => resolveString(tf, block.bucket, `aws_s3_bucket.${name}.bucket`));
  const functions = readFunctions(tf);
  const routes = readRoutes(tf);
  const unknown = routes.filter((r) => !functions[r.functionName]).map((r) => r.functionName);
  if (unknown.length > 0) throw new StackJsonError(`Notifications target functions the stack does not define: ${unknown.join(', ')}`);
  return { region: readRegion(tf, fallbackRegion), buckets, routes, functions };
}
