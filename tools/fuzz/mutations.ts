import fc from 'fast-check';

/**
 * Byte-level mutations in the style of coverage-free fuzzers (AFL's havoc stage):
 * each one takes a seed and a few random numbers and returns new bytes. Positions
 * are fractions of the length, so one mutation works for any seed.
 */
export type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'set'; readonly at: number; readonly byte: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number; readonly times: number }
  | { readonly kind: 'insert'; readonly at: number; readonly token: string }
  | { readonly kind: 'splice'; readonly at: number; readonly other: Uint8Array };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

/** A mutation whose `insert` tokens come from `tokens` (syntax of the format under test). */
export function mutationArbitrary(tokens: readonly string[]): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fraction, bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ kind: fc.constant('set' as const), at: fraction, byte: fc.constantFrom(0x00, 0xff, 0x7f, 0x80, 0x25, 0x3c, 0x3e, 0x0a, 0x5b, 0x28) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
    fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 256 }) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fraction, length: fc.integer({ min: 1, max: 64 }), times: fc.integer({ min: 1, max: 32 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fraction, token: fc.constantFrom(...tokens) }),
    fc.record({ kind: fc.constant('splice' as const), at: fraction, other: fc.uint8Array({ maxLength: 64 }) }),
  );
}

export function applyMutation(seed: Uint8Array, m: Mutation): Uint8Array {
  const bytes = Buffer.from(seed);
  const at = Math.floor(m.at * bytes.length);
  switch (m.kind) {
    case 'flip':
      if (bytes.length > 0) bytes[at] ^= 1 << m.bit;
      return bytes;
    case 'set':
      if (bytes.length > 0) bytes[at] = m.byte;
      return bytes;
    case 'truncate':
      return bytes.subarray(0, at);
    case 'delete':
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
    case 'duplicate': {
      const chunk = bytes.subarray(at, at + m.length);
      return Buffer.concat([bytes.subarray(0, at), ...Array<Buffer>(m.times + 1).fill(chunk), bytes.subarray(at + m.length)]);
    }
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.token, 'latin1'), bytes.subarray(at)]);
    case 'splice':
      return Buffer.concat([bytes.subarray(0, at), m.other, bytes.subarray(at + m.other.length)]);
  }
}

/** A seed with 1–4 stacked mutations. */
export function mutatedArbitrary(seeds: readonly Uint8Array[], tokens: readonly string[]): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(mutationArbitrary(tokens), { minLength: 1, maxLength: 4 }))
    .map(([seed, mutations]) => mutations.reduce(applyMutation, seed));
}
