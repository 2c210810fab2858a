import type { MovedBlock } from './model';

/**
 * `moved` blocks as an address mapping. A block moves a resource address, or a whole
 * module (`from = module.a`, `to = module.b`) and every address under it. Chains
 * (a -> b -> c) are followed.
 */
export class Moves {
  constructor(readonly blocks: readonly MovedBlock[]) {}

  /** The address a resource at `address` ends up at. */
  resolve(address: string): string {
    let current = address;
    for (let hops = 0; hops <= this.blocks.length; hops++) {
      const next = this.step(current);
      if (next === current) return current;
      current = next;
    }
    return current;
  }

  /** Every address that resolves to `address`, itself included, nearest first. */
  originsOf(address: string, candidates: Iterable<string>): string[] {
    const origins = [address];
    for (const candidate of candidates) if (candidate !== address && this.resolve(candidate) === address) origins.push(candidate);
    return origins;
  }

  private step(address: string): string {
    for (const { from, to } of this.blocks) {
      if (address === from) return to;
      if (isModuleAddress(from) && address.startsWith(`${from}.`)) return `${to}${address.slice(from.length)}`;
    }
    return address;
  }
}

function isModuleAddress(address: string): boolean {
  return /^(module\.[^.]+\.)*module\.[^.]+$/.test(address);
}
