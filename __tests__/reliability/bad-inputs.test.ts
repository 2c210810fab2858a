import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createHandler as createParseInvoice } from '../../handlers/parse-invoice/index';
import { createHandler as createParseRetailInvoice } from '../../handlers/parse-retail-invoice/index';
import { extractPdfText } from '../../handlers/parse-invoice/core/pdf-text';
import { silentLogger } from '../../handlers/shared/logger';
import type { S3EventHandler } from '../../handlers/shared/handler-deps';
import { BASE_FIXTURE, hyresaviPdf } from '../../tools/fixtures/hyresavi-pdf';
import { installPdfjsWorker } from '../support/pdfjs-worker';
import { startLocalAws, type LocalAws } from '../support/local-aws';
import { BAD_DIR, bodyOf, loadBadInputs, type BadInput } from '../support/bad-corpus';
import { HANDLER_ENV, type HandlerName } from '../../tools/local-aws/handler-env';
import { countGetObject, s3Event } from '../support/s3-events';
import { nonEmptyTables } from '../support/tables';

installPdfjsWorker();

const corpus = loadBadInputs();
/** Each case is small enough to finish far inside this; the limit only guards against a hang. */
const CASE_TIMEOUT_MS = 2000;

describe('bad-input corpus through the real handlers', () => {
  let aws: LocalAws;
  let getObjects: { count: () => number };
  const sizes = new Map<string, number>();
  const handlers = {} as Record<HandlerName, S3EventHandler>;

  beforeAll(async () => {
    aws = await startLocalAws();
    getObjects = countGetObject(aws.clients.s3);
    handlers.parse_invoice = createParseInvoice({ clients: aws.clients, env: HANDLER_ENV.parse_invoice, logger: silentLogger });
    handlers.parse_retail_invoice = createParseRetailInvoice({ clients: aws.clients, env: HANDLER_ENV.parse_retail_invoice, logger: silentLogger });
    for (const input of corpus) {
      const body = input.key === undefined || sizes.has(input.key) ? undefined : bodyOf(input);
      if (!body || input.key === undefined) continue;
      await aws.clients.s3.send(new PutObjectCommand({ Bucket: aws.bucket, Key: input.key, Body: body }));
      sizes.set(input.key, body.length);
    }
    // pdf.js loads on first use (seconds under jest); pay that here, not in the first PDF case.
    await extractPdfText(await hyresaviPdf(BASE_FIXTURE));
  }, 120_000);
  afterAll(() => aws?.stop());

  function eventFor(input: BadInput): unknown {
    if (input.event) return JSON.parse(readFileSync(join(BAD_DIR, input.event), 'utf8'));
    const size = input.omitEventSize || input.key === undefined ? undefined : sizes.get(input.key);
    return s3Event(aws.bucket, { key: input.key, rawKey: input.rawEventKey, size });
  }

  it('holds at least 25 hostile inputs, each with a unique id and an expectation', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(25);
    expect(new Set(corpus.map((c) => c.id)).size).toBe(corpus.length);
    for (const input of corpus) expect(input.expect.code ?? input.expect.outcome).toBeDefined();
  });

  it.each(corpus.map((input) => [input.id, input] as const))(
    '%s: typed envelope, nothing written',
    async (_id, input) => {
      const fetchesBefore = getObjects.count();

      const envelope = await handlers[input.handler](eventFor(input));

      const body = JSON.parse(envelope.body);
      expect(envelope.statusCode).toBe(input.expect.status);
      if (input.expect.code) expect(body.error.code).toBe(input.expect.code);
      if (input.expect.outcome) expect(body.data.outcome).toBe(input.expect.outcome);
      if (input.expect.fetch === false) expect(getObjects.count()).toBe(fetchesBefore);
      expect(await nonEmptyTables(aws.clients.ddb)).toEqual({});
    },
    CASE_TIMEOUT_MS,
  );
});
