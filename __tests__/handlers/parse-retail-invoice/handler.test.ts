import { PutObjectCommand } from '@aws-sdk/client-s3';
import { QueryCommand, ScanCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { RETAIL_SUB_TYPES } from '../../../contract/sub-types';
import { silentLogger } from '../../../handlers/shared/logger';
import { createHandler, SUCCESS_MESSAGE } from '../../../handlers/parse-retail-invoice';
import { s3Event } from '../../support/s3-events';
import { startLocalAws, type LocalAws } from '../../support/local-aws';
import { loadFixtures } from '../../support/retail-fixtures';

const fixtures = loadFixtures();
const fixture = (name: string) => fixtures.find((f) => f.name === name) as (typeof fixtures)[number];

const ENV: Record<string, string> = {
  RETAIL_INVOICES_TABLE: 'RetailInvoices',
  RETAIL_EMAIL_CLASSIFICATION_LEDGER_TABLE: 'RetailEmailClassificationLedger',
  ...Object.fromEntries(Object.values(RETAIL_SUB_TYPES).map((s) => [s.tableEnv, s.defaultTable])),
};

function body(envelope: { body: string }) {
  return JSON.parse(envelope.body);
}

describe('parse_retail_invoice handler against s3rver and DynamoDB Local', () => {
  let aws: LocalAws;
  const put = (key: string, html: Buffer | string, metadata?: Record<string, string>) =>
    aws.clients.s3.send(new PutObjectCommand({ Bucket: aws.bucket, Key: key, Body: html, ContentType: 'text/html', Metadata: metadata }));
  const rowsOf = async (userId: string) =>
    (await aws.clients.ddb.send(new QueryCommand({ TableName: 'RetailInvoices', KeyConditionExpression: 'UserID = :u', ExpressionAttributeValues: { ':u': userId } }))).Items ?? [];
  const handler = (env: Record<string, string> = ENV) => createHandler({ clients: aws.clients, env, logger: silentLogger });

  beforeAll(async () => {
    aws = await startLocalAws();
  }, 60000);
  afterAll(() => aws?.stop());

  it('decodes an encoded key (jack%26jones) and writes the base and detail rows', async () => {
    const key = 'invoices/user-amp/retail/clothing/knit&purl_2025-03-14_aa11bb22.html';
    await put(key, fixture('knit-and-purl').html);
    const event = s3Event(aws.bucket, key);
    expect(event.Records[0].s3.object.key).toContain('knit%26purl');

    const response = await handler()(event);
    expect(response.statusCode).toBe(200);
    const { message, data } = body(response);
    expect(message).toBe(SUCCESS_MESSAGE);
    expect(data).toMatchObject({ outcome: 'inserted', sub_type: 'clothing', vendor_name: 'knit&purl' });
    expect(data.invoice_id).toMatch(/^retail_invoice_[0-9a-f]{32}$/);

    const [row] = await rowsOf('user-amp');
    expect(row).toEqual({
      UserID: 'user-amp',
      InvoiceID: data.invoice_id,
      vendor_name: 'Knit & Purl',
      sub_type: 'clothing',
      total_amount: 76.9,
      currency: 'EUR',
      invoice_date: '2025-03-14',
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      s3_path: key,
      order_id: 'KP-10442',
      payment_status: 'completed',
      UserID_SubType: 'user-amp_clothing',
      discovery_source: 'vendor_config',
      vendor_order_key: 'Knit & Purl_KP-10442',
    });
    const detail = await aws.clients.ddb.send(new GetCommand({ TableName: 'ClothingInvoices', Key: { InvoiceID: data.invoice_id } }));
    expect(detail.Item).toMatchObject({ InvoiceID: data.invoice_id, tax: 14.38, delivery_fee: 4.9, payment_method: 'Visa **** 4242' });
    expect(detail.Item).not.toHaveProperty('UserID');
    expect((detail.Item?.items as unknown[]).length).toBe(3);
  });

  it('writes one row for a duplicate event and keeps created_at', async () => {
    const key = 'invoices/user-dup/retail/food-delivery/foodbolt_2025-03-14_cc33dd44.html';
    await put(key, fixture('foodbolt').html);
    const first = body(await handler()(s3Event(aws.bucket, key)));
    const [before] = await rowsOf('user-dup');
    const second = body(await handler()(s3Event(aws.bucket, key, key)));
    expect(first.data.outcome).toBe('inserted');
    expect(second.data.records.map((r: { outcome: string }) => r.outcome)).toEqual(['duplicate_skipped', 'duplicate_skipped']);
    const rows = await rowsOf('user-dup');
    expect(rows).toHaveLength(1);
    expect(rows[0].created_at).toBe(before.created_at);
    expect(second.data.invoice_id).toBe(first.data.invoice_id);
  });

  it('updates the same order when a later e-mail for it arrives, keeping created_at', async () => {
    const html = (date: string) => `<p>Foodbolt</p><p>Ordernummer: ORD-777</p><p>Orderdatum: ${date}</p><p>Att betala: 150 kr</p>`;
    const early = 'invoices/user-upd/retail/food-delivery/foodbolt_2025-03-01_00000001.html';
    const late = 'invoices/user-upd/retail/food-delivery/foodbolt_2025-03-05_00000002.html';
    await put(early, html('2025-03-01'));
    await put(late, html('2025-03-05'));
    const a = body(await handler()(s3Event(aws.bucket, early)));
    const [created] = await rowsOf('user-upd');
    const b = body(await handler()(s3Event(aws.bucket, late)));
    const c = body(await handler()(s3Event(aws.bucket, early)));
    expect([a.data.outcome, b.data.outcome, c.data.outcome]).toEqual(['inserted', 'updated', 'duplicate_skipped']);
    const rows = await rowsOf('user-upd');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ invoice_date: '2025-03-05', s3_path: late, created_at: created.created_at });
  });

  it('marks sweep-origin objects (discovery_source sweep) and their ledger row', async () => {
    const key = 'invoices/user-sweep/retail/subscriptions/streamly_2025-03-01_ee55ff66.html';
    await aws.clients.ddb.send(new PutCommand({ TableName: 'RetailEmailClassificationLedger', Item: { UserID: 'user-sweep', MessageID: 'msg-1', status: 'accepted', classified_at: '2025-03-01T10:00:00Z' } }));
    await put(key, fixture('streamly').html, { source: 'sweep', message_id: 'msg-1' });
    const { data } = body(await handler()(s3Event(aws.bucket, key)));
    const [row] = await rowsOf('user-sweep');
    expect(row).toMatchObject({ discovery_source: 'sweep', total_amount: 15.99, currency: 'USD', order_id: '2291-4410' });
    const ledger = await aws.clients.ddb.send(new GetCommand({ TableName: 'RetailEmailClassificationLedger', Key: { UserID: 'user-sweep', MessageID: 'msg-1' } }));
    expect(ledger.Item).toMatchObject({ status: 'extracted', retail_invoice_id: data.invoice_id, s3_path: key, classified_at: '2025-03-01T10:00:00Z' });
  });

  it('rejects a zero amount with 200 rejected_zero_amount and writes nothing', async () => {
    const key = 'invoices/user-zero/retail/miscellaneous/acme_2025-03-14_12345678.html';
    await put(key, '<html><body><p>Acme</p><p>Att betala: 0,00 kr</p></body></html>', { source: 'sweep', message_id: 'msg-z' });
    const response = await handler()(s3Event(aws.bucket, key));
    expect(response.statusCode).toBe(200);
    expect(body(response).data).toMatchObject({ outcome: 'rejected_zero_amount', invoice_id: null, vendor_name: 'acme' });
    expect(await rowsOf('user-zero')).toEqual([]);
    const ledger = await aws.clients.ddb.send(new ScanCommand({ TableName: 'RetailEmailClassificationLedger', FilterExpression: 'UserID = :u', ExpressionAttributeValues: { ':u': 'user-zero' } }));
    expect(ledger.Items).toEqual([]);
  });

  it('returns a DEPENDENCY_FAILURE 404 envelope for a missing object', async () => {
    const response = await handler()(s3Event(aws.bucket, 'invoices/user-missing/retail/grocery/ica_2025-03-14_deadbeef.html'));
    expect(response.statusCode).toBe(404);
    expect(body(response).error.code).toBe('DEPENDENCY_FAILURE');
  });

  it('returns 400 INVALID_REQUEST for a key outside the grammar', async () => {
    const response = await handler()(s3Event(aws.bucket, 'invoices/user-x/retail/pets/dog_2025-03-14_deadbeef.html'));
    expect(response.statusCode).toBe(400);
    expect(body(response).error.code).toBe('INVALID_REQUEST');
  });

  it('returns INVOICE_PARSE_ERROR for binary labelled as HTML', async () => {
    const key = 'invoices/user-bin/retail/technology/acme_2025-03-14_0badf00d.html';
    await put(key, Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00]));
    const response = await handler()(s3Event(aws.bucket, key));
    expect(body(response).error.code).toBe('INVOICE_PARSE_ERROR');
  });

  it('writes atomically: a missing detail table fails the transaction and leaves no base row', async () => {
    const key = 'invoices/user-atomic/retail/travel/skyhop_2025-03-14_a70a1c00.html';
    await put(key, fixture('skyhop').html);
    const env = { ...ENV, TRAVEL_INVOICES_TABLE: 'NoSuchTravelTable' };
    await expect(handler(env)(s3Event(aws.bucket, key))).rejects.toThrow(/TransactWriteItems|transiently/);
    expect(await rowsOf('user-atomic')).toEqual([]);
  });
});
