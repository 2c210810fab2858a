import { decodeVlqSegment, encodeVlq } from '../../../tools/build/vlq';

describe('base64 VLQ', () => {
  it.each([
    [0, 'A'],
    [1, 'C'],
    [-1, 'D'],
    [15, 'e'],
    [16, 'gB'],
    [-16, 'hB'],
    [123, '2H'],
    [1_000_000, 'gkh9B'],
  ])('encodes %d as %s and back', (value, text) => {
    expect(encodeVlq(value)).toBe(text);
    expect(decodeVlqSegment(text)).toEqual([value]);
  });

  it('decodes a multi-field segment', () => {
    expect(decodeVlqSegment('AAgBC')).toEqual([0, 0, 16, 1]);
  });

  it('rejects invalid and truncated input', () => {
    expect(() => decodeVlqSegment('A!')).toThrow(/Invalid base64 VLQ digit/);
    expect(() => decodeVlqSegment('g')).toThrow(/Truncated/);
  });
});
