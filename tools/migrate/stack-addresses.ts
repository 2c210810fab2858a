import { join } from 'node:path';
import { addressesOf, readStackJson } from '../stack-json/stack-json';

/** What a synthesized stack manages: its resource addresses and its `moved` blocks. */
export interface StackAddresses {
  readonly resources: ReadonlySet<string>;
  /** Old address → new address, from the stack's `moved` blocks. */
  readonly moves: ReadonlyMap<string, string>;
}

export function stackAddresses(stackDir: string): StackAddresses {
  const json = readStackJson(join(stackDir, 'cdk.tf.json'));
  const resources = new Set(addressesOf(json).filter((address) => !address.startsWith('data.')));
  return { resources, moves: new Map((json.moved ?? []).map((m) => [m.from, m.to])) };
}
