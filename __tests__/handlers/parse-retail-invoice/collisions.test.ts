import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createHandler } from '../../../handlers/parse-retail-invoice';
import { RETAIL_SUB_TYPES } from '../../../contract/sub-types';
import { captureLogger } from '../../support/capture-logger';
import { conflictOf } from '../../support/thrown-conflict';
import { startLocalAws, type LocalAws } from '../../support/local-aws';
import { s3Event } from '../../support/s3-events';

const ENV: Record<string, string> = {
  RETAIL_INVOICES_TABLE: 'RetailInvoices',
  ...Object.fromEntries(Object.values(RETAIL_SUB_TYPES).map((s) => [s.tableEnv, s.defaultTable])),
};

type Result = { outcome: string; invoiceId: string } | { thrown: unknown };

/** A receipt e-mail for order ORD-<order> of Foodbolt. */
const receipt = (order: string, date: string, total: string) =>
  `<html><body><p>Foodbolt</p><p>Ordernummer: ORD-${order}</p><p>Orderdatum: ${date}</p><p>Att betala: ${total} kr</p></body></html>`;

describe('parse_retail_invoice: one order, several e-mails (DynamoDB Local)', () => {
  let aws: LocalAws;
  const logger = captureLogger();
  const transactions: Array<{ TransactItems: Array<Record<string, { TableName: string }>> }> = [];

  beforeAll(async () => {
    aws = await startLocalAws();
    aws.clients.ddb.middlewareStack.add(
      (next, context) => (args) => {
        if (context.commandName === 'TransactWriteItemsCommand') transactions.push(args.input as (typeof transactions)[number]);
        return next(args);
      },
      { step: 'initialize' },
    );
  }, 60_000);
  afterAll(() => aws?.stop());

  const put = (key: string, html: string) => aws.clients.s3.send(new PutObjectCommand({ Bucket: aws.bucket, Key: key, Body: html, ContentType: 'text/html' }));
  const rowsOf = async (userId: string) =>
    (await aws.clients.ddb.send(new QueryCommand({ TableName: 'RetailInvoices', KeyConditionExpression: 'UserID = :u', ExpressionAttributeValues: { ':u': userId } }))).Items ?? [];
  const detail = async (table: string, invoiceId: string) => (await aws.clients.ddb.send(new GetCommand({ TableName: table, Key: { InvoiceID: invoiceId } }))).Item;

  async function invoke(key: string): Promise<Result> {
    try {
      const envelope = await createHandler({ clients: aws.clients, env: ENV, logger })(s3Event(aws.bucket, key));
      const { data } = JSON.parse(envelope.body);
      return { outcome: data.outcome, invoiceId: data.invoice_id };
    } catch (thrown) {
      return { thrown };
    }
  }

  it('the issue 13 case: same order and date, totals 212 and 999, is a CONFLICT, not first-wins', async () => {
    const first = 'invoices/r-conflict/retail/food-delivery/foodbolt_2025-03-14_00000a01.html';
    const second = 'invoices/r-conflict/retail/food-delivery/foodbolt_2025-03-14_00000a02.html';
    await put(first, receipt('100', '2025-03-14', '212,00'));
    await put(second, receipt('100', '2025-03-14', '999,00'));
    expect(await invoke(first)).toMatchObject({ outcome: 'inserted' });

    const conflict = conflictOf(await invoke(second));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.keptForReview).toBe(true);
    expect(conflict.message).toMatch(/already stored from '.*00000a01\.html' with total 212 .* says 999 .* was not written/);
    expect(await rowsOf('r-conflict')).toEqual([expect.objectContaining({ total_amount: 212, s3_path: first })]);
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'error', fields: expect.objectContaining({ key: second, outcome: 'conflict', code: 'CONFLICT' }) }));
  });

  it('an identical receipt for the same order and date from another e-mail is a duplicate', async () => {
    const first = 'invoices/r-same/retail/food-delivery/foodbolt_2025-03-14_00000b01.html';
    const copy = 'invoices/r-same/retail/food-delivery/foodbolt_2025-03-14_00000b02.html';
    await put(first, receipt('200', '2025-03-14', '212,00'));
    await put(copy, receipt('200', '2025-03-14', '212,00'));
    expect(await invoke(first)).toMatchObject({ outcome: 'inserted' });
    expect(await invoke(copy)).toMatchObject({ outcome: 'duplicate_skipped' });
    expect(await rowsOf('r-same')).toEqual([expect.objectContaining({ s3_path: first })]);
  });

  it('a newer version of the same object updates the record', async () => {
    const key = 'invoices/r-version/retail/food-delivery/foodbolt_2025-03-14_00000c01.html';
    await put(key, receipt('300', '2025-03-14', '212,00'));
    expect(await invoke(key)).toMatchObject({ outcome: 'inserted' });
    expect(await invoke(key)).toMatchObject({ outcome: 'duplicate_skipped' });
    await put(key, receipt('300', '2025-03-14', '250,00'));
    expect(await invoke(key)).toMatchObject({ outcome: 'updated' });
    expect(await rowsOf('r-version')).toEqual([expect.objectContaining({ total_amount: 250 })]);
  });

  it('a later e-mail under another sub_type moves the detail row: base update, new detail put and old detail delete in one transaction', async () => {
    const early = 'invoices/r-move/retail/food-delivery/foodbolt_2025-03-01_00000d01.html';
    const late = 'invoices/r-move/retail/grocery/foodbolt_2025-03-09_00000d02.html';
    await put(early, receipt('400', '2025-03-01', '150,00'));
    await put(late, receipt('400', '2025-03-09', '175,00'));
    const inserted = await invoke(early);
    if (!('invoiceId' in inserted)) throw new Error('the first receipt was not written');
    expect(await detail('FoodDeliveryInvoices', inserted.invoiceId)).toBeDefined();

    transactions.length = 0;
    expect(await invoke(late)).toEqual({ outcome: 'updated', invoiceId: inserted.invoiceId });

    expect(transactions).toHaveLength(1);
    const kinds = transactions[0].TransactItems.map((item) => {
      const [kind, body] = Object.entries(item)[0];
      return `${kind} ${body.TableName}`;
    });
    expect(kinds.sort()).toEqual(['Delete FoodDeliveryInvoices', 'Put GroceryInvoices', 'Update RetailInvoices']);
    expect(await detail('FoodDeliveryInvoices', inserted.invoiceId)).toBeUndefined();
    expect(await detail('GroceryInvoices', inserted.invoiceId)).toMatchObject({ InvoiceID: inserted.invoiceId });
    expect(await rowsOf('r-move')).toEqual([
      expect.objectContaining({ sub_type: 'grocery', UserID_SubType: 'r-move_grocery', total_amount: 175, invoice_date: '2025-03-09', s3_path: late }),
    ]);
  });

  it('concurrent receipts for the same order and date with different totals: one inserted, the others conflicts, the row is the winner', async () => {
    const totals = ['100,00', '200,00', '300,00'];
    const keys = totals.map((_, i) => `invoices/r-race/retail/food-delivery/foodbolt_2025-03-14_00000e0${i}.html`);
    await Promise.all(keys.map((key, i) => put(key, receipt('500', '2025-03-14', totals[i]))));

    const results = await Promise.all(keys.map((key) => invoke(key)));

    const winners = results.flatMap((r, i) => ('outcome' in r && r.outcome === 'inserted' ? [i] : []));
    expect(winners).toHaveLength(1);
    for (const [i, result] of results.entries()) if (i !== winners[0]) expect(conflictOf(result).code).toBe('CONFLICT');
    expect(await rowsOf('r-race')).toEqual([expect.objectContaining({ s3_path: keys[winners[0]], total_amount: Number.parseInt(totals[winners[0]], 10) })]);
  });
});
