import { extractPdfText } from '../../../handlers/parse-invoice/core/pdf-text';
import { InvoiceParseError } from '../../../handlers/shared/errors';
import { BASE_FIXTURE, hyresaviPdf } from '../../../tools/fixtures/hyresavi-pdf';
import { encryptedPdf, imageOnlyPdf } from '../../../tools/fixtures/malformed-pdf';
import { installPdfjsWorker } from '../../support/pdfjs-worker';

installPdfjsWorker();

async function parseError(body: Uint8Array): Promise<InvoiceParseError> {
  try {
    await extractPdfText(body);
  } catch (err) {
    if (err instanceof InvoiceParseError) return err;
    throw err;
  }
  throw new Error('expected an InvoiceParseError');
}

describe('extractPdfText', () => {
  it('returns every text item with its position, top-down', async () => {
    const items = await extractPdfText(await hyresaviPdf(BASE_FIXTURE));
    const hyra = items.find((i) => i.text === 'Hyra');
    const amount = items.find((i) => i.text === '8 123');
    expect(hyra).toMatchObject({ x: 60, page: 1, height: 10 });
    expect(hyra?.y).toBeCloseTo(260, 3);
    expect(amount?.y).toBeCloseTo(260, 3);
    expect((amount?.x ?? 0) + (amount?.width ?? 0)).toBeCloseTo(480, 0);
    expect(items.find((i) => i.text.startsWith('Förfallodatum'))?.text).toBe('Förfallodatum: 2025-03-31');
  });

  it('does not detach or alter the caller’s buffer', async () => {
    const pdf = await hyresaviPdf(BASE_FIXTURE);
    const copy = Buffer.from(pdf);
    await extractPdfText(pdf);
    expect(pdf.equals(copy)).toBe(true);
  });

  it.each([
    ['an empty file', async () => Buffer.alloc(0), /empty/],
    ['a file that is not a PDF', async () => Buffer.from('<html><body>Hyresavi</body></html>'), /not a PDF/],
    ['a truncated PDF', async () => (await hyresaviPdf(BASE_FIXTURE)).subarray(0, 300), /./],
    ['a corrupt PDF (header, then garbage)', async () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x8f)]), /./],
    ['an encrypted PDF', encryptedPdf, /encrypted/],
    ['an image-only PDF with no text layer', imageOnlyPdf, /no text layer/],
  ])('rejects %s with InvoiceParseError', async (_name, make, message) => {
    const error = await parseError(await make());
    expect(error.code).toBe('INVOICE_PARSE_ERROR');
    expect(error.transient).toBe(false);
    expect(error.message).toMatch(message);
  });
});
