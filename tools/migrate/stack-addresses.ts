import { join } from 'node:path';
import { readStackJson } from '../stack-json/stack-json';

/** What a synthesized stack manages: its resource addresses and its `moved` blocks. */
export interface StackAddresses {
  readonly resources: ReadonlySet<string>;
  /** Old address → new address, from the stack's `moved` blocks. */
  readonly moves: ReadonlyMap<string, string>;
}

export function stackAddresses(stackDir: string): StackAddresses {
  const json = readStackJson(join(stackDir, 'cdk.tf.json')) as ReturnType<typeof readStackJson> & {
    readonly moved?: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  };
  const resources = new Set<string>();
  for (const [type, byName] of Object.entries(json.resource ?? {})) for (const name of Object.keys(byName)) resources.add(`${type}.${name}`);
  return { resources, moves: new Map((json.moved ?? []).map((m) => [m.from, m.to])) };
}
