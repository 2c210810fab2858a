import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createHandler as createParseInvoice } from '../../handlers/parse-invoice/index';
import { createHandler as createParseRetailInvoice } from '../../handlers/parse-retail-invoice/index';
import { DependencyError } from '../../handlers/shared/errors';
import { silentLogger } from '../../handlers/shared/logger';
import { TransientBatchError } from '../../handlers/shared/s3-batch';
import { formatInvoiceKey, parseRetailInvoiceKey } from '../../handlers/shared/s3-keys';
import { RETAIL_SUB_TYPES } from '../../contract/sub-types';
import { DEFAULT_TABLE_NAMES } from '../../tools/local-aws/tables';
import { BASE_FIXTURE, hyresaviPdf } from '../../tools/fixtures/hyresavi-pdf';
import { installPdfjsWorker } from '../support/pdfjs-worker';
import { loadFixtures } from '../support/retail-fixtures';
import { HANDLER_ENV } from '../../tools/local-aws/handler-env';
import { startOutageWorld, type OutageWorld } from '../support/outage';
import { s3Event } from '../support/s3-events';
import { nonEmptyTables, scanAll } from '../support/tables';

installPdfjsWorker();

/** Includes restarting DynamoDB Local (several seconds on a small CI machine). */
const SCENARIO_TIMEOUT_MS = 60_000;

function body(envelope: { body: string }) {
  return JSON.parse(envelope.body);
}

async function expectTransientThrow(run: Promise<unknown>): Promise<void> {
  const error = await run.then(
    (envelope) => {
      throw new Error(`the handler returned instead of throwing: ${JSON.stringify(envelope)}`);
    },
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(TransientBatchError);
  expect((error as TransientBatchError).failures.every((f) => f instanceof DependencyError && f.transient)).toBe(true);
}

describe('failure semantics: DynamoDB Local stopped in the middle of a run', () => {
  let world: OutageWorld;

  // One world for all scenarios (DynamoDB Local takes seconds to start); each scenario has its own user.
  beforeAll(async () => {
    world = await startOutageWorld();
  }, 60_000);
  afterAll(() => world?.stop());

  const rentalItemsOf = async (userId: string) =>
    (await scanAll(world.clients.ddb, DEFAULT_TABLE_NAMES.rentalInvoices)).filter((i) => i.UserID === userId).map((i) => i.InvoiceID);

  const upload = (key: string, body: Buffer) => world.clients.s3.send(new PutObjectCommand({ Bucket: world.bucket, Key: key, Body: body }));

  it(
    'parse_invoice throws, keeps what was fully written, and a replay after restart leaves exactly one record per invoice',
    async () => {
      const handler = createParseInvoice({ clients: world.clients, env: HANDLER_ENV.parse_invoice, logger: silentLogger });
      // Each file carries its own OCR number, which is the InvoiceID.
      const ocrs = ['2000000001', '2000000002'];
      const pdfs = await Promise.all(ocrs.map((ocr) => hyresaviPdf({ ...BASE_FIXTURE, ocr })));
      const keys = ocrs.map((ocr) => `invoices/outage-mid/rental/Hyresavi_${ocr}.pdf`);
      await Promise.all(keys.map((k, i) => upload(k, pdfs[i])));
      const event = s3Event(world.bucket, ...keys.map((key, i) => ({ key, size: pdfs[i].length })));

      // The first record is written; DynamoDB goes away just before the second record's write.
      world.stopDynamoBefore('PutItemCommand', 2);
      await expectTransientThrow(handler(event));

      await world.restartDynamo();
      expect(await rentalItemsOf('outage-mid')).toEqual(['Invoice_2000000001']);

      // Lambda's retry delivers the same event again.
      const replay = await handler(event);
      expect(replay.statusCode).toBe(200);
      expect(body(replay).data.records.map((r: { outcome: string }) => r.outcome)).toEqual(['unchanged', 'inserted']);
      expect((await rentalItemsOf('outage-mid')).sort()).toEqual(['Invoice_2000000001', 'Invoice_2000000002']);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'parse_invoice throws when DynamoDB is down before the run, and writes nothing',
    async () => {
      const handler = createParseInvoice({ clients: world.clients, env: HANDLER_ENV.parse_invoice, logger: silentLogger });
      const pdf = await hyresaviPdf({ ...BASE_FIXTURE, ocr: '2000000003' });
      const key = 'invoices/outage-before/rental/Hyresavi_2000000003.pdf';
      await upload(key, pdf);
      const event = s3Event(world.bucket, { key, size: pdf.length });

      const before = await nonEmptyTables(world.clients.ddb);
      world.stopDynamoBefore('PutItemCommand', 1);
      await expectTransientThrow(handler(event));
      await world.restartDynamo();
      expect(await nonEmptyTables(world.clients.ddb)).toEqual(before);

      expect((await handler(event)).statusCode).toBe(200);
      expect(await rentalItemsOf('outage-before')).toEqual(['Invoice_2000000003']);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'parse_retail_invoice throws, never leaves a base row without its detail row, and a replay leaves exactly one record per invoice',
    async () => {
      const handler = createParseRetailInvoice({ clients: world.clients, env: HANDLER_ENV.parse_retail_invoice, logger: silentLogger });
      const fixtures = loadFixtures().filter((f) => f.name === 'knit-and-purl' || f.name === 'foodbolt');
      const inputs = fixtures.map((f) => ({ key: formatInvoiceKey({ ...parseRetailInvoiceKey(f.key), userId: 'outage-retail' }), html: f.html }));
      await Promise.all(inputs.map((i) => upload(i.key, i.html)));
      const event = s3Event(world.bucket, ...inputs.map((i) => ({ key: i.key, size: i.html.length })));
      const detailTables = inputs.map((i) => HANDLER_ENV.parse_retail_invoice[RETAIL_SUB_TYPES[parseRetailInvoiceKey(i.key).subType].tableEnv]);

      // The second record has read its existing row and is about to write base + detail when DynamoDB goes away.
      world.stopDynamoBefore('TransactWriteItemsCommand', 2);
      await expectTransientThrow(handler(event));

      await world.restartDynamo();
      const bases = (await scanAll(world.clients.ddb, DEFAULT_TABLE_NAMES.retailInvoices)).filter((b) => b.UserID === 'outage-retail');
      expect(bases).toHaveLength(1);
      const details = (await Promise.all(detailTables.map((t) => scanAll(world.clients.ddb, t)))).flat();
      expect(details.map((d) => d.InvoiceID)).toEqual(bases.map((b) => b.InvoiceID));

      const replay = await handler(event);
      expect(replay.statusCode).toBe(200);
      expect(body(replay).data.records.map((r: { outcome: string }) => r.outcome)).toEqual(['duplicate_skipped', 'inserted']);
      const finalBases = (await scanAll(world.clients.ddb, DEFAULT_TABLE_NAMES.retailInvoices)).filter((b) => b.UserID === 'outage-retail');
      expect(finalBases.map((b) => b.s3_path).sort()).toEqual(inputs.map((i) => i.key).sort());
      const finalDetails = (await Promise.all(detailTables.map((t) => scanAll(world.clients.ddb, t)))).flat();
      expect(finalDetails.map((d) => d.InvoiceID).sort()).toEqual(finalBases.map((b) => b.InvoiceID).sort());
      expect(await nonEmptyTables(world.clients.ddb, [DEFAULT_TABLE_NAMES.retailInvoices, ...detailTables])).toEqual({
        [DEFAULT_TABLE_NAMES.retailInvoices]: 2,
        [detailTables[0]]: 1,
        [detailTables[1]]: 1,
      });
    },
    SCENARIO_TIMEOUT_MS,
  );
});
