import { findAmounts, parseAmount } from '../../../handlers/shared/amounts';

describe('parseAmount', () => {
  it.each([
    ['8 123', 8123],
    ['8 123,50', 8123.5],
    ['8\u00a0123,50 kr', 8123.5],
    ['8.123,50', 8123.5],
    ['8123.50', 8123.5],
    ['1,234.56', 1234.56],
    ['12,50 kr', 12.5],
    ['SEK 99.00', 99],
    ['€12.50', 12.5],
    ['1 234:-', 1234],
    ['−50,00', -50],
    ['12 345 678,9', 12345678.9],
    ['0,1', 0.1],
  ])('%j → %d', (text, value) => {
    expect(parseAmount(text)).toBe(value);
  });

  it.each(['', 'abc', '12 ab', '2025-03-14', '1 2345', '1.234.5'])('%j is not an amount', (text) => {
    expect(parseAmount(text)).toBeNull();
  });

  it('never strips every non-digit as the original did (8 123,50 is not 812350)', () => {
    expect(parseAmount('8 123,50')).not.toBe(812350);
  });

  it('rounds to whole öre, so no float noise reaches a record', () => {
    expect(parseAmount('0,30')).toBe(0.3);
    expect(parseAmount('1 000 000,07')).toBe(1000000.07);
  });
});

describe('findAmounts', () => {
  it('finds every amount in a line, in order, with its text and position', () => {
    expect(findAmounts('Hyra 8 123 Kallvatten 245,50 El 12')).toEqual([
      { value: 8123, text: '8 123', index: 5 },
      { value: 245.5, text: '245,50', index: 22 },
      { value: 12, text: '12', index: 32 },
    ]);
  });
});
