import fc from 'fast-check';
import { parseHyresavi } from '../../handlers/parse-invoice/core/hyresavi';
import type { TextItem } from '../../handlers/parse-invoice/core/layout';
import { extractPdfText } from '../../handlers/parse-invoice/core/pdf-text';
import { rentalInvoiceRecord } from '../../handlers/parse-invoice/core/rental-invoice';
import { extractReceipt } from '../../handlers/parse-retail-invoice/core/extract-receipt';
import { InvalidKeyError, InvoiceParseError, isPayPulseError } from '../../handlers/shared/errors';
import { decodeS3EventKey, encodeS3EventKey, formatInvoiceKey, parseInvoiceKey, parseRentalInvoiceKey } from '../../handlers/shared/s3-keys';
import { htmlInputArbitrary, pdfInputArbitrary } from '../../tools/fuzz/inputs';
import {
  invalidKeyArbitrary,
  invalidRetailKeyArbitrary,
  rentalCurrentKeyArbitrary,
  rentalLegacyKeyArbitrary,
  retailKeyArbitrary,
  validKeyArbitrary,
} from '../../tools/fuzz/key-arbitraries';
import { htmlSeeds, pdfSeeds } from '../../tools/fuzz/seeds';
import { installPdfjsWorker } from '../support/pdfjs-worker';

installPdfjsWorker();

/** Modest in CI; `npm run fuzz` runs 10,000 per parser. */
const RUNS = { pdf: 150, html: 200, keys: 1000 };
/** An async case slower than this fails the property: the hang guard. */
const CASE_TIMEOUT_MS = 2000;

function allowOnly(isExpected: (err: unknown) => boolean) {
  return (err: unknown) => {
    if (!isExpected(err)) throw err;
  };
}

describe('parsers on random and mutated input', () => {
  let pdfs: fc.Arbitrary<Uint8Array>;
  const rentalKey = parseRentalInvoiceKey('invoices/prop-user/rental/Hyresavi_1297534008.pdf');

  beforeAll(async () => {
    const seeds = await pdfSeeds();
    pdfs = pdfInputArbitrary(seeds);
    await extractPdfText(seeds[0]); // load pdf.js before the timed cases
  }, 30_000);

  it('extractPdfText returns text items or throws InvoiceParseError', async () => {
    await fc.assert(
      fc.asyncProperty(pdfs, async (bytes) => {
        await extractPdfText(bytes).catch(allowOnly((e) => e instanceof InvoiceParseError));
      }),
      { numRuns: RUNS.pdf, timeout: CASE_TIMEOUT_MS },
    );
  }, 60_000);

  it('the rental parse path (PDF → record) returns a record or throws InvoiceParseError', async () => {
    await fc.assert(
      fc.asyncProperty(pdfs, async (bytes) => {
        await rentalInvoiceRecord(bytes, rentalKey).catch(allowOnly((e) => e instanceof InvoiceParseError));
      }),
      { numRuns: RUNS.pdf, timeout: CASE_TIMEOUT_MS },
    );
  }, 60_000);

  it('the Hyresavi reader takes any positioned text, however placed, and returns or throws InvoiceParseError', () => {
    const words = fc.constantFrom('Hyra', 'Kallvatten', 'El enligt', 'Moms:', 'Totalt att betala:', 'Förfallodatum: 2025-03-31', '# 1297534008 #', '8 123', '-0', '1e308', '', ' ', '*', 'å');
    const coordinate = fc.oneof(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.constantFrom(0, Number.NaN, Number.POSITIVE_INFINITY, -0));
    const item: fc.Arbitrary<TextItem> = fc.record({
      text: fc.oneof(words, fc.string({ maxLength: 30 })),
      x: coordinate,
      y: coordinate,
      width: coordinate,
      height: coordinate,
      page: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 80 }), (items) => {
        try {
          parseHyresavi(items);
        } catch (err) {
          allowOnly((e) => e instanceof InvoiceParseError)(err);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('extractReceipt returns a receipt or throws a PayPulseError', () => {
    const context = { subType: 'miscellaneous', vendorSlug: 'prop-vendor', fallbackDate: '2025-03-14' } as const;
    fc.assert(
      fc.property(htmlInputArbitrary(htmlSeeds()), (bytes) => {
        try {
          const { base } = extractReceipt(Buffer.from(bytes), context);
          expect(base.total_amount === null || Number.isFinite(base.total_amount)).toBe(true);
        } catch (err) {
          allowOnly(isPayPulseError)(err);
        }
      }),
      { numRuns: RUNS.html },
    );
  });
});

describe('the key grammar', () => {
  it.each([
    ['rental, current layout', rentalCurrentKeyArbitrary, { kind: 'rental', layout: 'current' }],
    ['rental, legacy layout', rentalLegacyKeyArbitrary, { kind: 'rental', layout: 'legacy' }],
    ['retail, vendors with & and -', retailKeyArbitrary, { kind: 'retail' }],
  ] as const)('round-trips every valid %s key: format(parse(k)) === k', (_name, keys, shape) => {
    fc.assert(
      fc.property(keys, (key) => {
        const parsed = parseInvoiceKey(key);
        expect(parsed).toMatchObject(shape);
        expect(formatInvoiceKey(parsed)).toBe(key);
      }),
      { numRuns: RUNS.keys },
    );
  });

  it('rejects a valid key with any one rule broken (.., //, invisible characters, over-long segments, prefix, extension) with InvalidKeyError', () => {
    fc.assert(
      fc.property(fc.oneof(invalidKeyArbitrary, invalidRetailKeyArbitrary), ({ key }) => {
        expect(() => parseInvoiceKey(key)).toThrow(InvalidKeyError);
      }),
      { numRuns: RUNS.keys },
    );
  });

  it('either rejects an arbitrary string with InvalidKeyError or round-trips it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), validKeyArbitrary), (key) => {
        let parsed;
        try {
          parsed = parseInvoiceKey(key);
        } catch (err) {
          expect(err).toBeInstanceOf(InvalidKeyError);
          return;
        }
        expect(formatInvoiceKey(parsed)).toBe(key);
      }),
      { numRuns: RUNS.keys },
    );
  });
});

describe('S3 event key encoding', () => {
  it('decodes what it encodes, for any key', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), validKeyArbitrary), (key) => {
        expect(decodeS3EventKey(encodeS3EventKey(key))).toBe(key);
      }),
      { numRuns: RUNS.keys },
    );
  });

  it('encodes valid keys as S3 does: no spaces, no raw & or non-ASCII, / kept', () => {
    fc.assert(
      fc.property(validKeyArbitrary, (key) => {
        const encoded = encodeS3EventKey(key);
        expect(encoded).toMatch(/^[A-Za-z0-9%+_.!~*'()/-]*$/);
        expect(encoded.split('/')).toHaveLength(key.split('/').length);
      }),
      { numRuns: RUNS.keys },
    );
  });

  it('decodes any raw event key to a string or refuses it with InvalidKeyError', () => {
    const raw = fc.oneof(fc.string({ maxLength: 60 }), fc.stringMatching(/^[a-z/+]*(%[0-9A-Fa-f]{0,2}[a-z+]*){1,6}$/));
    fc.assert(
      fc.property(raw, (key) => {
        try {
          expect(typeof decodeS3EventKey(key)).toBe('string');
        } catch (err) {
          expect(err).toBeInstanceOf(InvalidKeyError);
        }
      }),
      { numRuns: RUNS.keys },
    );
  });
});
