import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_FIXTURE, hyresaviPdf } from '../../tools/fixtures/hyresavi-pdf';
import { startPipelineWorld, type PipelineWorld } from '../support/pipeline-world';

const USERS = 20;
const PDFS_PER_USER = 15;
const RECEIPTS_PER_USER = 10;
const UPLOAD_CONCURRENCY = 16;
const PIPELINE_CONCURRENCY = 4;

const foodbolt = readFileSync(join(__dirname, '..', 'fixtures', 'parse-retail-invoice', 'foodbolt.html'), 'utf8');

interface Upload {
  readonly key: string;
  readonly body: Buffer | string;
  readonly userId: string;
}

/** 25 uploads per user: PDFs each with their own OCR number, receipts each with their own order id (else they would dedupe, by design). */
async function uploadsFor(): Promise<Upload[]> {
  const uploads: Upload[] = [];
  for (let u = 0; u < USERS; u++) {
    const userId = `load-user-${u}`;
    for (let i = 0; i < PDFS_PER_USER; i++) {
      const ocr = String(1_000_000_000 + u * 1000 + i);
      uploads.push({ userId, key: `invoices/${userId}/rental/Hyresavi_${ocr}.pdf`, body: await hyresaviPdf({ ...BASE_FIXTURE, ocr }) });
    }
    for (let i = 0; i < RECEIPTS_PER_USER; i++) {
      const hash = (u * 1000 + i).toString(16).padStart(8, '0');
      uploads.push({
        userId,
        key: `invoices/${userId}/retail/food-delivery/foodbolt_2025-03-14_${hash}.html`,
        body: foodbolt.replace('FB-2025-88123', `FB-${u}-${i}`),
      });
    }
  }
  return uploads;
}

async function inParallel<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

describe('local pipeline under load', () => {
  let world: PipelineWorld;
  let uploads: Upload[];

  beforeAll(async () => {
    uploads = await uploadsFor();
    world = await startPipelineWorld({ concurrency: PIPELINE_CONCURRENCY });
  }, 60000);
  afterAll(() => world?.stop());

  it('turns 500 uploads across 20 users into exactly 500 records, none lost or duplicated', async () => {
    expect(uploads).toHaveLength(500);
    await inParallel(uploads, UPLOAD_CONCURRENCY, (u) => world.upload(u.key, u.body));
    await world.local.pipeline.idle();

    const reports = world.local.pipeline.reports;
    expect(reports).toHaveLength(500);
    expect(reports.filter((r) => r.outcome !== 'inserted')).toEqual([]);
    expect(new Set(reports.map((r) => r.key))).toEqual(new Set(uploads.map((u) => u.key)));
    expect(world.local.pipeline.maxConcurrent).toBeLessThanOrEqual(PIPELINE_CONCURRENCY);

    const records: string[] = [];
    for (let u = 0; u < USERS; u++) {
      const userId = `load-user-${u}`;
      const rental = await world.items('RentalInvoices', userId);
      const retail = await world.items('RetailInvoices', userId);
      expect([rental.length, retail.length]).toEqual([PDFS_PER_USER, RECEIPTS_PER_USER]);
      records.push(...[...rental, ...retail].map((item) => `${item.UserID}/${item.InvoiceID}`));
    }
    expect(records).toHaveLength(500);
    expect(new Set(records).size).toBe(500);
    expect(new Set(records)).toEqual(new Set(reports.map((r) => `${r.key.split('/')[1]}/${r.InvoiceID}`)));
  }, 120000);
});
