import { InvalidKeyError } from '../../../handlers/shared/errors';
import {
  decodeS3EventKey,
  encodeS3EventKey,
  formatInvoiceKey,
  parseInvoiceKey,
  parseRentalInvoiceKey,
  parseRetailInvoiceKey,
} from '../../../handlers/shared/s3-keys';

describe('parseInvoiceKey', () => {
  it('reads a current-layout rental key', () => {
    expect(parseInvoiceKey('invoices/user_42/rental/Hyresavi_1297534008.pdf')).toEqual({
      kind: 'rental',
      layout: 'current',
      userId: 'user_42',
      fileName: 'Hyresavi_1297534008.pdf',
      stem: 'Hyresavi_1297534008',
    });
  });

  it('reads the legacy rental-invoices/{user}/{file} layout', () => {
    expect(parseInvoiceKey('rental-invoices/user_42/Hyresavi_1.pdf')).toMatchObject({ kind: 'rental', layout: 'legacy', userId: 'user_42' });
  });

  it('reads a retail key, with & and - in the vendor', () => {
    expect(parseInvoiceKey('invoices/u1/retail/clothing/jack&jones-se_2025-03-14_a1b2c3d4.html')).toEqual({
      kind: 'retail',
      userId: 'u1',
      subType: 'clothing',
      vendor: 'jack&jones-se',
      date: '2025-03-14',
      hash: 'a1b2c3d4',
      fileName: 'jack&jones-se_2025-03-14_a1b2c3d4.html',
    });
  });

  it('allows Swedish letters and spaces in rental file names', () => {
    expect(parseInvoiceKey('invoices/u1/rental/Hyresavi för mars.pdf')).toMatchObject({ stem: 'Hyresavi för mars' });
  });

  it.each([
    ['', /empty/],
    ['invoices/u1/rental/', /empty file name/],
    ['invoices/u1/rental/a.txt', /must be a \.pdf/],
    ['invoices/../rental/a.pdf', /'\.\.' is not allowed/],
    ['invoices/u1//a.pdf', /third segment/],
    ['invoices//rental/a.pdf', /empty user_id/],
    ['other/u1/rental/a.pdf', /must start with/],
    ['invoices/u1/retail/shoes/x_2025-01-01_abcd1234.html', /unknown retail sub_type 'shoes'/],
    ['invoices/u1/retail/clothing/no-date.html', /\{vendor\}_\{YYYY-MM-DD\}_\{hash\}\.html/],
    ['invoices/u1/retail/clothing/h_m_2025-01-01_abcd1234.html', /no "_" in the vendor|YYYY-MM-DD/],
    ['invoices/u1/retail/clothing/x_2025-02-30_abcd1234.html', /not a calendar date/],
    ['invoices/u1/rental/evil\u202Efdp.pdf', /control or invisible/],
    ['invoices/u1/rental/zero\u200Bwidth.pdf', /control or invisible/],
    ['invoices/us er/rental/a.pdf', /user_id must be/],
    [`invoices/u1/rental/${'a'.repeat(300)}.pdf`, /longer than 255 bytes/],
    [`invoices/u1/rental/${'a/'.repeat(600)}a.pdf`, /longer than 1024 bytes/],
  ])('rejects %j with a clear reason', (key, reason) => {
    expect(() => parseInvoiceKey(key)).toThrow(InvalidKeyError);
    expect(() => parseInvoiceKey(key)).toThrow(reason);
  });

  it('names the key in the error and uses the envelope code INVALID_REQUEST', () => {
    try {
      parseInvoiceKey('nope/x');
      throw new Error('unreachable');
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidKeyError);
      expect((err as InvalidKeyError).code).toBe('INVALID_REQUEST');
      expect((err as Error).message).toContain('"nope/x"');
    }
  });

  it.each([
    'invoices/user_42/rental/Hyresavi_1297534008.pdf',
    'rental-invoices/user_42/Hyresavi_1.pdf',
    'invoices/u1/retail/food-delivery/foodora_2025-12-31_00ff00ff.html',
  ])('formats %s back to itself', (key) => {
    expect(formatInvoiceKey(parseInvoiceKey(key))).toBe(key);
  });
});

describe('kind-specific parsers', () => {
  it('parse_invoice refuses a retail key, parse_retail_invoice a rental key', () => {
    expect(() => parseRentalInvoiceKey('invoices/u1/retail/travel/sj_2025-01-01_abcd1234.html')).toThrow(/retail invoice key/);
    expect(() => parseRetailInvoiceKey('invoices/u1/rental/a.pdf')).toThrow(/rental invoice key/);
  });
});

describe('S3 event key encoding', () => {
  it('decodes form encoding: + is a space, %26 is &', () => {
    expect(decodeS3EventKey('invoices/u1/rental/Hyresavi+mars+%26+april.pdf')).toBe('invoices/u1/rental/Hyresavi mars & april.pdf');
    expect(decodeS3EventKey('invoices/u1/retail/clothing/jack%26jones_2025-03-14_a1b2c3d4.html')).toContain('jack&jones');
    expect(decodeS3EventKey('invoices/u1/rental/f%C3%B6r.pdf')).toBe('invoices/u1/rental/för.pdf');
  });

  it('rejects malformed percent-encoding with InvalidKeyError', () => {
    expect(() => decodeS3EventKey('invoices/u1/rental/%E0%A4%A.pdf')).toThrow(InvalidKeyError);
  });

  it.each([
    ['a lone high surrogate', 'invoices/u1/rental/Hyresavi_\ud800.pdf'],
    ['a lone low surrogate', 'invoices/u1/rental/\udc00_1.pdf'],
    ['a reversed pair', 'invoices/u1/rental/\udc00\ud800.pdf'],
  ])('refuses a key with %s with InvalidKeyError, in encoding and in parsing (never a URIError)', (_what, key) => {
    expect(() => encodeS3EventKey(key)).toThrow(InvalidKeyError);
    expect(() => encodeS3EventKey(key)).toThrow(/unpaired UTF-16 surrogate/);
    expect(() => parseInvoiceKey(key)).toThrow(InvalidKeyError);
  });

  it('keeps a valid surrogate pair (an emoji) encodable', () => {
    expect(decodeS3EventKey(encodeS3EventKey('invoices/u1/rental/hyra_\u{1f3e0}.pdf'))).toBe('invoices/u1/rental/hyra_\u{1f3e0}.pdf');
  });

  it('encodes as S3 does and round-trips', () => {
    const key = 'invoices/u1/rental/Hyresavi mars & april+1.pdf';
    expect(encodeS3EventKey(key)).toBe('invoices/u1/rental/Hyresavi+mars+%26+april%2B1.pdf');
    expect(decodeS3EventKey(encodeS3EventKey(key))).toBe(key);
  });
});
