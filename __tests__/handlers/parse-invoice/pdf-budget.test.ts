import { deflateSync } from 'node:zlib';
import { checkPdfBudget, DEFAULT_PDF_BUDGET } from '../../../handlers/parse-invoice/core/pdf-budget';
import { InvoiceParseError } from '../../../handlers/shared/errors';
import { BASE_FIXTURE, hyresaviPdf } from '../../../tools/fixtures/hyresavi-pdf';
import { deepNestingPdf, flateBombPdf, manyObjectsPdf, ONE_MEGABYTE_BOMB_DECODED, operatorBombPdf } from '../../../tools/fixtures/pdf-bombs';

describe('checkPdfBudget', () => {
  it('admits a real Hyresavi with the default budget', async () => {
    await expect(checkPdfBudget(await hyresaviPdf(BASE_FIXTURE))).resolves.toBeUndefined();
  });

  it.each([
    ['decoded-bytes', () => flateBombPdf(ONE_MEGABYTE_BOMB_DECODED)],
    ['operator', () => operatorBombPdf(DEFAULT_PDF_BUDGET.maxOperators)],
    ['object', () => manyObjectsPdf(DEFAULT_PDF_BUDGET.maxObjects + 1)],
    ['nesting', () => deepNestingPdf(DEFAULT_PDF_BUDGET.maxNesting + 1)],
  ])('refuses a PDF over its %s budget with InvoiceParseError naming it', async (budget, make) => {
    const error = await checkPdfBudget(make()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvoiceParseError);
    expect((error as InvoiceParseError).message).toContain(`exceeds its ${budget} budget`);
    expect((error as InvoiceParseError).context).toMatchObject({ budget: `${budget} budget` });
  });

  it('stops inflating at the budget: a 1 GiB stream is refused in seconds, not minutes', async () => {
    const started = Date.now();
    await expect(checkPdfBudget(flateBombPdf(ONE_MEGABYTE_BOMB_DECODED))).rejects.toThrow(/decoded-bytes budget/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('admits a stream just under the budget and refuses the same one under a smaller budget', async () => {
    const pdf = flateBombPdf(16 * 1024 * 1024);
    await expect(checkPdfBudget(pdf)).resolves.toBeUndefined();
    await expect(checkPdfBudget(pdf, { ...DEFAULT_PDF_BUDGET, maxDecodedBytes: 8 * 1024 * 1024 })).rejects.toThrow(/decoded-bytes budget/);
  });

  it('bounds filters it does not run: 100 KB of RunLength may decode to 12.8 MB', async () => {
    const pdf = Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Filter /RunLengthDecode /Length 102400 >>\nstream\n${'\u00ff'.repeat(102_400)}\nendstream\nendobj\n%%EOF\n`, 'latin1');
    await expect(checkPdfBudget(pdf, { ...DEFAULT_PDF_BUDGET, maxDecodedBytes: 10 * 1024 * 1024 })).rejects.toThrow(/decoded-bytes budget/);
    await expect(checkPdfBudget(pdf)).resolves.toBeUndefined();
  });

  it('reads text strings as text: brackets and words inside ( ... ) count as neither nesting nor operators', async () => {
    const text = `(${'[ word '.repeat(DEFAULT_PDF_BUDGET.maxOperators)} \\) still a string)`;
    const pdf = Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Length 9 >>\nstream\nBT ${text} Tj ET\nendstream\nendobj\n%%EOF\n`, 'latin1');
    await expect(checkPdfBudget(pdf)).resolves.toBeUndefined();
  });

  it('counts a corrupt Flate stream up to where it breaks, without throwing anything untyped', async () => {
    const good = deflateSync(Buffer.alloc(1024 * 1024));
    const corrupt = Buffer.concat([good.subarray(0, good.length / 2), Buffer.from('garbage that is not deflate')]);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n', 'latin1'), corrupt, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
    await expect(checkPdfBudget(pdf)).resolves.toBeUndefined();
  });
});
