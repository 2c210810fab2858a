/**
 * Base64 VLQ, the number encoding of source map `mappings` (Source Map v3 spec):
 * 5 data bits per digit, bit 6 = continuation, the lowest bit of the first digit = sign.
 */
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT_VALUE = new Map([...BASE64].map((ch, i) => [ch, i] as const));

export function encodeVlq(value: number): string {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    out += BASE64[digit];
  } while (rest > 0);
  return out;
}

/** Decodes one segment (e.g. `AAgBC`) into its numbers. */
export function decodeVlqSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = DIGIT_VALUE.get(ch);
    if (digit === undefined) throw new Error(`Invalid base64 VLQ digit ${JSON.stringify(ch)} in ${JSON.stringify(segment)}`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2);
    value = 0;
    shift = 0;
  }
  if (shift !== 0) throw new Error(`Truncated base64 VLQ segment ${JSON.stringify(segment)}`);
  return values;
}
