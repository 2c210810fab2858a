import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { BASE_FIXTURE, baseFixtureRecord, hyresaviPdf } from '../../tools/fixtures/hyresavi-pdf';
import { startPipelineWorld, type PipelineWorld } from '../support/pipeline-world';
import { FIXTURE_DIR } from '../support/retail-fixtures';

const receipt = (name: string) => readFileSync(join(FIXTURE_DIR, `${name}.html`));

describe('npm run local: S3 upload → synthesized notification → handler → DynamoDB', () => {
  let world: PipelineWorld;
  let pdf: Buffer;

  beforeAll(async () => {
    [world, pdf] = await Promise.all([startPipelineWorld(), hyresaviPdf(BASE_FIXTURE)]);
  }, 60000);
  afterAll(() => world?.stop());

  it('creates the buckets the stack names and routes by its two lambda_function blocks', () => {
    expect(world.local.stack.buckets).toEqual(expect.arrayContaining(['rental-invoices-bucket', 'wallenstam-lambda-bucket']));
    expect(world.local.stack.routes.map((r) => [r.bucket, r.prefix, r.suffix, r.functionName])).toEqual([
      ['rental-invoices-bucket', 'invoices/', '.pdf', 'parse_invoice'],
      ['rental-invoices-bucket', 'invoices/', '.html', 'parse_retail_invoice'],
    ]);
  });

  it('parses a rental PDF into a RentalInvoices item', async () => {
    const key = 'invoices/e2e-rental/rental/Hyresavi_1297534008.pdf';
    await world.upload(key, pdf, 'application/pdf');

    expect(await world.reportsFor(key)).toEqual([
      expect.objectContaining({ function: 'parse_invoice', outcome: 'inserted', InvoiceID: 'Invoice_1297534008', status: 200 }),
    ]);
    expect(await world.items('RentalInvoices', 'e2e-rental')).toEqual([baseFixtureRecord({ userId: 'e2e-rental' })]);
  });

  it('parses a retail HTML receipt into RetailInvoices and its detail table', async () => {
    const key = 'invoices/e2e-retail/retail/food-delivery/foodbolt_2025-03-14_1a2b3c06.html';
    await world.upload(key, receipt('foodbolt'), 'text/html');

    const [report] = await world.reportsFor(key);
    expect(report).toMatchObject({ function: 'parse_retail_invoice', outcome: 'inserted', InvoiceID: expect.stringMatching(/^retail_invoice_/) });
    expect(await world.items('RetailInvoices', 'e2e-retail')).toEqual([
      expect.objectContaining({
        InvoiceID: report.InvoiceID,
        vendor_name: 'Foodbolt',
        sub_type: 'food-delivery',
        total_amount: 212,
        currency: 'SEK',
        invoice_date: '2025-03-14',
        order_id: 'FB-2025-88123',
        s3_path: key,
        UserID_SubType: 'e2e-retail_food-delivery',
      }),
    ]);
    const detail = await world.local.clients.ddb.send(new GetCommand({ TableName: 'FoodDeliveryInvoices', Key: { InvoiceID: report.InvoiceID } }));
    expect(detail.Item).toMatchObject({ delivery_fee: 29, discount: 20 });
  });

  it('delivers keys with spaces and & form-encoded, and the handlers decode them', async () => {
    const rentalKey = 'invoices/e2e-enc/rental/Hyra mars & april_1297534009.pdf';
    const retailKey = 'invoices/e2e-enc/retail/clothing/knit&purl_2025-03-14_aa11bb22.html';
    // The InvoiceID is the document's OCR number.
    await world.upload(rentalKey, await hyresaviPdf({ ...BASE_FIXTURE, ocr: '1297534009' }));
    await world.upload(retailKey, receipt('knit-and-purl'));

    expect(await world.reportsFor(rentalKey)).toEqual([expect.objectContaining({ function: 'parse_invoice', outcome: 'inserted', InvoiceID: 'Invoice_1297534009' })]);
    expect(await world.reportsFor(retailKey)).toEqual([expect.objectContaining({ function: 'parse_retail_invoice', outcome: 'inserted' })]);
    expect(await world.items('RentalInvoices', 'e2e-enc')).toEqual([
      expect.objectContaining({ InvoiceID: 'Invoice_1297534009', Filename: 'Hyra mars & april_1297534009' }),
    ]);
    expect(await world.items('RetailInvoices', 'e2e-enc')).toEqual([expect.objectContaining({ s3_path: retailKey, vendor_name: 'Knit & Purl' })]);
  });

  it.each([
    ['an object outside invoices/', 'uploads/e2e-out/rental/Hyresavi_1297534010.pdf', 'e2e-out'],
    ['a PDF in the legacy rental-invoices/ layout (the prefix is literal)', 'rental-invoices/e2e-legacy/Hyresavi_1297534011.pdf', 'e2e-legacy'],
    ['a .txt under invoices/', 'invoices/e2e-txt/rental/notes.txt', 'e2e-txt'],
    ['a .PDF (the suffix is case-sensitive)', 'invoices/e2e-upper/rental/Hyresavi_1297534012.PDF', 'e2e-upper'],
  ])('does not route %s', async (_, key, userId) => {
    await world.upload(key, key.endsWith('.txt') ? 'just notes' : pdf);

    expect(await world.reportsFor(key)).toEqual([expect.objectContaining({ function: null, outcome: 'not_routed', InvoiceID: null })]);
    expect(await world.items('RentalInvoices', userId)).toEqual([]);
  });

  it('processes a duplicate upload idempotently: one item, the second write a no-op', async () => {
    const rentalKey = 'invoices/e2e-dup/rental/Hyresavi_1297534013.pdf';
    const retailKey = 'invoices/e2e-dup/retail/food-delivery/foodbolt_2025-03-14_dd44ee55.html';
    for (let i = 0; i < 2; i++) {
      await world.upload(rentalKey, pdf);
      await world.upload(retailKey, receipt('foodbolt'));
    }

    expect((await world.reportsFor(rentalKey)).map((r) => r.outcome)).toEqual(['inserted', 'unchanged']);
    expect((await world.reportsFor(retailKey)).map((r) => r.outcome)).toEqual(['inserted', 'duplicate_skipped']);
    expect(await world.items('RentalInvoices', 'e2e-dup')).toHaveLength(1);
    expect(await world.items('RetailInvoices', 'e2e-dup')).toHaveLength(1);
  });

  it('reports a routed object the handler rejects, and writes nothing', async () => {
    const key = 'invoices/e2e-bad/rental/Hyresavi_1297534014.pdf';
    await world.upload(key, 'not a pdf at all');

    expect(await world.reportsFor(key)).toEqual([
      expect.objectContaining({ function: 'parse_invoice', outcome: 'error', error: expect.objectContaining({ code: expect.any(String) }) }),
    ]);
    expect(await world.items('RentalInvoices', 'e2e-bad')).toEqual([]);
  });
});
