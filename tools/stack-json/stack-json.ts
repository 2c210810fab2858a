import { existsSync, readFileSync } from 'node:fs';

/**
 * The one typed reader of a synthesized `cdk.tf.json`: the local pipeline, the
 * security checks and the tests all read the stack through here (and resolve its
 * references with terraform-refs.ts).
 */

/** One resource or data block: its arguments as synthesized. */
export type Block = Readonly<Record<string, unknown>>;

export interface VariableBlock {
  readonly type?: string;
  readonly default?: unknown;
  readonly description?: string;
  readonly sensitive?: boolean;
}

export interface StackJson {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, Block>>>>;
  readonly data?: Readonly<Record<string, Readonly<Record<string, Block>>>>;
  readonly variable?: Readonly<Record<string, VariableBlock>>;
  readonly provider?: Readonly<Record<string, ReadonlyArray<Block>>>;
  readonly terraform?: {
    readonly backend?: Readonly<Record<string, Block>>;
    readonly required_providers?: Readonly<Record<string, { readonly source?: string; readonly version?: string }>>;
  };
  readonly moved?: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  readonly import?: ReadonlyArray<{ readonly to: string; readonly id: string }>;
}

/** The stack JSON is missing, unreadable, or lacks what the reader needs. */
export class StackJsonError extends Error {
  readonly code = 'INVALID_REQUEST';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StackJsonError';
  }
}

export function readStackJson(path: string): StackJson {
  if (!existsSync(path)) throw new StackJsonError(`Synthesized stack not found: ${path}. Run \`npm run synth\`, or start without --stack to synthesize in-process.`);
  return parseStackJson(readFileSync(path, 'utf8'), path);
}

export function parseStackJson(text: string, origin = 'the stack'): StackJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new StackJsonError(`Synthesized stack ${origin} is not valid JSON`, { cause });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new StackJsonError(`Synthesized stack ${origin} is not a JSON object`);
  return parsed as StackJson;
}

/** Every resource of `type`, as `[address, block]` (`type.name`). */
export function resourcesOfType(tf: StackJson, type: string): Array<[address: string, block: Block]> {
  return Object.entries(tf.resource?.[type] ?? {}).map(([name, block]) => [`${type}.${name}`, block]);
}

/** The block at `type.name` (or `data.type.name`), or a `StackJsonError` naming the missing address. */
export function blockAt(tf: StackJson, address: string): Block {
  const parts = address.split('.');
  const [section, type, name] = parts[0] === 'data' && parts.length === 3 ? [tf.data, parts[1], parts[2]] : [tf.resource, parts[0], parts[1]];
  const found = section?.[type]?.[name];
  if (!found) throw new StackJsonError(`no ${address} in the synthesized stack`);
  return found;
}

/** Every `type.name` address of the resources and `data.type.name` of the data sources, sorted. */
export function addressesOf(tf: StackJson): string[] {
  const list: string[] = [];
  for (const [type, byName] of Object.entries(tf.resource ?? {})) for (const name of Object.keys(byName)) list.push(`${type}.${name}`);
  for (const [type, byName] of Object.entries(tf.data ?? {})) for (const name of Object.keys(byName)) list.push(`data.${type}.${name}`);
  return list.sort();
}
