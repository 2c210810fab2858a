import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createHandler } from '../../../handlers/parse-invoice/index';
import { ConfigurationError } from '../../../handlers/shared/errors';
import { silentLogger } from '../../../handlers/shared/logger';
import { TransientBatchError } from '../../../handlers/shared/s3-batch';
import { encodeS3EventKey } from '../../../handlers/shared/s3-keys';
import { s3Event } from '../../support/s3-events';
import { startLocalAws, type LocalAws } from '../../support/local-aws';
import { BASE_FIXTURE, hyresaviPdf, baseFixtureRecord } from '../../../tools/fixtures/hyresavi-pdf';
import { installPdfjsWorker } from '../../support/pdfjs-worker';

installPdfjsWorker();

const TABLE = 'RentalInvoices';

describe('parse_invoice handler against s3rver and DynamoDB Local', () => {
  let aws: LocalAws;
  let pdf: Buffer;

  beforeAll(async () => {
    [aws, pdf] = await Promise.all([startLocalAws(), hyresaviPdf(BASE_FIXTURE)]);
  }, 60000);
  afterAll(() => aws?.stop());

  const handler = (env: Record<string, string> = {}) =>
    createHandler({ clients: aws.clients, env: { DYNAMODB_TABLE: TABLE, ...env }, logger: silentLogger });

  /** An S3 notification as S3 sends it: keys form-encoded. */
  const event = (...keys: string[]) => s3Event(aws.bucket, ...keys);

  const upload = (key: string, body: Buffer | string) => aws.clients.s3.send(new PutObjectCommand({ Bucket: aws.bucket, Key: key, Body: body }));

  async function itemsOf(userId: string): Promise<Record<string, unknown>[]> {
    const out = await aws.clients.ddb.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'UserID = :u', ExpressionAttributeValues: { ':u': userId } }));
    return out.Items ?? [];
  }

  function body(envelope: { body: string }) {
    return JSON.parse(envelope.body);
  }

  it('parses an upload named by a form-encoded event key and writes the record', async () => {
    const key = 'invoices/user_enc/rental/Hyra mars + april & co_1297534008.pdf';
    expect(encodeS3EventKey(key)).toBe('invoices/user_enc/rental/Hyra+mars+%2B+april+%26+co_1297534008.pdf');
    await upload(key, pdf);

    const response = await handler()(event(key));

    expect(response.statusCode).toBe(200);
    expect(body(response)).toMatchObject({
      message: 'Rental invoice Invoice_1297534008 parsed successfully!',
      code: 200,
      data: { outcome: 'inserted', invoiceId: 'Invoice_1297534008', records: [{ key, outcome: 'inserted' }] },
    });
    const stored = await aws.clients.ddb.send(new GetCommand({ TableName: TABLE, Key: { UserID: 'user_enc', InvoiceID: 'Invoice_1297534008' } }));
    expect(stored.Item).toEqual(baseFixtureRecord({ userId: 'user_enc', filename: 'Hyra mars + april & co_1297534008' }));
  });

  it('is idempotent under duplicate delivery, and a changed re-upload updates the record', async () => {
    const key = 'invoices/user_dup/rental/Hyresavi_555.pdf';
    await upload(key, pdf);
    const first = await handler()(event(key));
    const again = await handler()(event(key));
    expect(body(first).data.outcome).toBe('inserted');
    expect(body(again).data.outcome).toBe('unchanged');
    expect(await itemsOf('user_dup')).toHaveLength(1);

    await upload(key, await hyresaviPdf({ ...BASE_FIXTURE, rows: [{ label: 'Hyra', amount: '9 000' }], total: '9 000', moms: undefined }));
    const changed = await handler()(event(key));
    expect(body(changed).data.outcome).toBe('updated');
    const items = await itemsOf('user_dup');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ InvoiceID: 'Invoice_1297534008', Filename: 'Hyresavi_555', Hyra: 9000, Kallvatten: 0, 'Total Amount': 9000 });
    expect(items[0]).not.toHaveProperty('Moms');
  });

  it('reports a missing object as a permanent error and writes nothing', async () => {
    const response = await handler()(event('invoices/user_missing/rental/Hyresavi_1.pdf'));
    expect(response.statusCode).toBe(404);
    expect(body(response).error.code).toBe('DEPENDENCY_FAILURE');
    expect(await itemsOf('user_missing')).toEqual([]);
  });

  it('refuses an object over the size cap without parsing it', async () => {
    const key = 'invoices/user_big/rental/Hyresavi_2.pdf';
    await upload(key, pdf);
    const response = await handler({ MAX_OBJECT_BYTES: String(pdf.length - 1) })(event(key));
    expect(response.statusCode).toBe(413);
    expect(body(response).error).toEqual({ code: 'INVALID_REQUEST', message: expect.stringMatching(/limit is \d+ bytes/) });
    expect(await itemsOf('user_big')).toEqual([]);
  });

  it('returns INVOICE_PARSE_ERROR for an unreadable document and writes nothing', async () => {
    const key = 'invoices/user_bad/rental/Hyresavi_3.pdf';
    await upload(key, 'this is not a pdf');
    const response = await handler()(event(key));
    expect(response.statusCode).toBe(500);
    expect(body(response).error.code).toBe('INVOICE_PARSE_ERROR');
    expect(await itemsOf('user_bad')).toEqual([]);
  });

  it('processes every record: bad ones fail alone, the others are written', async () => {
    const good1 = 'invoices/user_multi/rental/Hyresavi_10.pdf';
    const good2 = 'rental-invoices/user_multi/Hyresavi_11.pdf';
    const notPdf = 'invoices/user_multi/rental/Hyresavi_12.pdf';
    const badKey = 'invoices/user_multi/unknown/Hyresavi_13.pdf';
    const [pdf10, pdf11] = await Promise.all([hyresaviPdf({ ...BASE_FIXTURE, ocr: '1000000010' }), hyresaviPdf({ ...BASE_FIXTURE, ocr: '1000000011' })]);
    await Promise.all([upload(good1, pdf10), upload(good2, pdf11), upload(notPdf, '%PDF-1.4 broken'), upload(badKey, pdf)]);

    const response = await handler()(event(good1, notPdf, badKey, good2));

    expect(response.statusCode).toBe(207);
    const { records } = body(response).data;
    expect(records.map((r: { key: string; outcome: string }) => [r.key, r.outcome])).toEqual([
      [good1, 'inserted'],
      [notPdf, 'error'],
      [badKey, 'error'],
      [good2, 'inserted'],
    ]);
    expect(records[1].error.code).toBe('INVOICE_PARSE_ERROR');
    expect(records[2].error.code).toBe('INVALID_REQUEST');
    expect((await itemsOf('user_multi')).map((i) => i.InvoiceID).sort()).toEqual(['Invoice_1000000010', 'Invoice_1000000011']);
  });

  it('answers a total DynamoDB cannot store (99 999 999 999 999 999) with a permanent VALIDATION_ERROR, not a retry', async () => {
    const key = 'invoices/user_huge/rental/Hyresavi_9.pdf';
    const huge = '99 999 999 999 999 999';
    await upload(key, await hyresaviPdf({ ...BASE_FIXTURE, rows: [{ label: 'Hyra', amount: huge }], total: huge, moms: undefined }));
    const response = await handler()(event(key));
    expect(response.statusCode).toBe(422);
    expect(body(response).error).toEqual({ code: 'VALIDATION_ERROR', message: expect.stringMatching(/MAX_SAFE_INTEGER/) });
    expect(await itemsOf('user_huge')).toEqual([]);
  });

  it('rejects a retail key with INVALID_REQUEST', async () => {
    const response = await handler()(event('invoices/user_r/retail/grocery/ica_2025-01-01_abcd1234.html'));
    expect(response.statusCode).toBe(400);
    expect(body(response).error).toEqual({ code: 'INVALID_REQUEST', message: expect.stringMatching(/retail invoice key/) });
  });

  it('throws when DynamoDB fails, so Lambda retries the event', async () => {
    const key = 'invoices/user_ddb/rental/Hyresavi_4.pdf';
    await upload(key, pdf);
    await expect(handler({ DYNAMODB_TABLE: 'NoSuchTable' })(event(key))).rejects.toBeInstanceOf(TransientBatchError);
  });

  it('throws ConfigurationError without DYNAMODB_TABLE', async () => {
    const misconfigured = createHandler({ clients: aws.clients, env: {}, logger: silentLogger });
    await expect(misconfigured(event('invoices/u/rental/x.pdf'))).rejects.toBeInstanceOf(ConfigurationError);
  });
});
