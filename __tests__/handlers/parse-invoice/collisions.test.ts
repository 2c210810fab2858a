import { PutObjectCommand } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createHandler } from '../../../handlers/parse-invoice/index';
import { captureLogger } from '../../support/capture-logger';
import { conflictOf } from '../../support/thrown-conflict';
import { startLocalAws, type LocalAws } from '../../support/local-aws';
import { s3Event } from '../../support/s3-events';
import { BASE_FIXTURE, hyresaviPdf } from '../../../tools/fixtures/hyresavi-pdf';
import { installPdfjsWorker } from '../../support/pdfjs-worker';

installPdfjsWorker();

const TABLE = 'RentalInvoices';

/** What one invocation ended in: the envelope's outcome, or the error it threw. */
type Result = { outcome: string } | { thrown: unknown };

describe('parse_invoice: no document silently replaces a different one (DynamoDB Local)', () => {
  let aws: LocalAws;
  const logger = captureLogger();

  beforeAll(async () => {
    aws = await startLocalAws();
  }, 60_000);
  afterAll(() => aws?.stop());

  const handler = () => createHandler({ clients: aws.clients, env: { DYNAMODB_TABLE: TABLE }, logger });
  const upload = (key: string, body: Buffer) => aws.clients.s3.send(new PutObjectCommand({ Bucket: aws.bucket, Key: key, Body: body }));
  const pdfWith = (ocr: string, total: string) => hyresaviPdf({ ...BASE_FIXTURE, ocr, rows: [{ label: 'Hyra', amount: total }], total, moms: undefined });

  async function invoke(key: string): Promise<Result> {
    try {
      const envelope = await handler()(s3Event(aws.bucket, key));
      return { outcome: JSON.parse(envelope.body).data.outcome };
    } catch (thrown) {
      return { thrown };
    }
  }

  async function itemsOf(userId: string): Promise<Record<string, unknown>[]> {
    const out = await aws.clients.ddb.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'UserID = :u', ExpressionAttributeValues: { ':u': userId } }));
    return out.Items ?? [];
  }

  it('the issue 13 case: three files named _7000000002 with their own OCR numbers are three invoices, none lost', async () => {
    const files = [
      ['invoices/u-names/rental/Hyresavi_7000000002.pdf', '7000000002', '8 000'],
      ['invoices/u-names/rental/Kopia_7000000002.pdf', '7000000003', '8 100'],
      ['invoices/u-names/rental/7000000002.pdf', '7000000004', '8 200'],
    ] as const;
    for (const [key, ocr, total] of files) await upload(key, await pdfWith(ocr, total));
    const results = await Promise.all(files.map(([key]) => invoke(key)));
    expect(results).toEqual([{ outcome: 'inserted' }, { outcome: 'inserted' }, { outcome: 'inserted' }]);
    const items = await itemsOf('u-names');
    expect(items.map((i) => [i.InvoiceID, i.Filename, i['Total Amount']]).sort()).toEqual([
      ['Invoice_7000000002', 'Hyresavi_7000000002', 8000],
      ['Invoice_7000000003', 'Kopia_7000000002', 8100],
      ['Invoice_7000000004', '7000000002', 8200],
    ]);
  });

  it('a different document with the same OCR is a CONFLICT kept for review, never an overwrite', async () => {
    await upload('invoices/u-conflict/rental/Hyresavi_7100000001.pdf', await pdfWith('7100000001', '5 000'));
    await upload('invoices/u-conflict/rental/Hyresavi_mars.pdf', await pdfWith('7100000001', '9 999'));
    expect(await invoke('invoices/u-conflict/rental/Hyresavi_7100000001.pdf')).toEqual({ outcome: 'inserted' });

    const conflict = conflictOf(await invoke('invoices/u-conflict/rental/Hyresavi_mars.pdf'));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.transient).toBe(false);
    expect(conflict.keptForReview).toBe(true);
    expect(conflict.message).toMatch(/Invoice_7100000001 .* already stored from 'Hyresavi_7100000001'.*'Hyresavi_mars' was not written/);

    const items = await itemsOf('u-conflict');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ Filename: 'Hyresavi_7100000001', 'Total Amount': 5000 });
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ level: 'error', fields: expect.objectContaining({ key: 'invoices/u-conflict/rental/Hyresavi_mars.pdf', outcome: 'conflict', code: 'CONFLICT', keptForReview: true }) }),
    );
  });

  it('an identical copy under another name (Kopia_) is a duplicate: nothing written, the original kept', async () => {
    const pdf = await pdfWith('7200000001', '6 000');
    await upload('invoices/u-copy/rental/Hyresavi_7200000001.pdf', pdf);
    await upload('invoices/u-copy/rental/Kopia_Hyresavi_7200000001.pdf', pdf);
    expect(await invoke('invoices/u-copy/rental/Hyresavi_7200000001.pdf')).toEqual({ outcome: 'inserted' });
    expect(await invoke('invoices/u-copy/rental/Kopia_Hyresavi_7200000001.pdf')).toEqual({ outcome: 'duplicate' });
    expect((await itemsOf('u-copy')).map((i) => i.Filename)).toEqual(['Hyresavi_7200000001']);
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ message: 'Record processed', fields: expect.objectContaining({ key: 'invoices/u-copy/rental/Kopia_Hyresavi_7200000001.pdf', outcome: 'duplicate' }) }),
    );
  });

  it('a new version of the same object updates; the same version again is unchanged', async () => {
    const key = 'invoices/u-version/rental/Hyresavi_7300000001.pdf';
    await upload(key, await pdfWith('7300000001', '7 000'));
    expect(await invoke(key)).toEqual({ outcome: 'inserted' });
    expect(await invoke(key)).toEqual({ outcome: 'unchanged' });
    await upload(key, await pdfWith('7300000001', '7 500'));
    expect(await invoke(key)).toEqual({ outcome: 'updated' });
    expect((await itemsOf('u-version')).map((i) => i['Total Amount'])).toEqual([7500]);
  });

  it('concurrent uploads of colliding files: exactly one is inserted, the others are conflicts, and the stored item is the winner', async () => {
    const keys = ['Hyresavi_7400000001', 'Kopia_7400000001', '7400000001', 'Hyresavi_7400000001 (2)'].map((stem) => `invoices/u-race/rental/${stem}.pdf`);
    const totals = ['1 000', '2 000', '3 000', '4 000'];
    await Promise.all(keys.map(async (key, i) => upload(key, await pdfWith('7400000001', totals[i]))));

    const results = await Promise.all(keys.map((key) => invoke(key)));

    const inserted = results.flatMap((r, i) => ('outcome' in r && r.outcome === 'inserted' ? [i] : []));
    expect(inserted).toHaveLength(1);
    for (const [i, result] of results.entries()) if (i !== inserted[0]) expect(conflictOf(result).code).toBe('CONFLICT');
    const items = await itemsOf('u-race');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ InvoiceID: 'Invoice_7400000001', 'Total Amount': Number(totals[inserted[0]].replace(' ', '')) });
  });

  it('concurrent identical copies and re-deliveries: one insert, the rest duplicate or unchanged, one item', async () => {
    const pdf = await pdfWith('7500000001', '1 234');
    const original = 'invoices/u-race-same/rental/Hyresavi_7500000001.pdf';
    const copy = 'invoices/u-race-same/rental/Kopia_7500000001.pdf';
    await Promise.all([upload(original, pdf), upload(copy, pdf)]);

    const results = await Promise.all([invoke(original), invoke(original), invoke(copy), invoke(copy)]);

    const outcomes = results.map((r) => ('outcome' in r ? r.outcome : 'thrown'));
    expect(outcomes.filter((o) => o === 'inserted')).toHaveLength(1);
    expect(outcomes.every((o) => ['inserted', 'unchanged', 'duplicate'].includes(o))).toBe(true);
    expect(await itemsOf('u-race-same')).toHaveLength(1);
  });
});
