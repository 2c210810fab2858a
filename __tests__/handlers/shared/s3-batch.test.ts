import { ConfigurationError, DependencyError, InvoiceParseError } from '../../../handlers/shared/errors';
import { silentLogger } from '../../../handlers/shared/logger';
import { processS3Event, TransientBatchError } from '../../../handlers/shared/s3-batch';
import type { S3ObjectRef } from '../../../handlers/shared/s3-event';

const record = (key: string) => ({ eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'b' }, object: { key, size: 10 } } });
const event = (...keys: string[]) => ({ Records: keys.map(record) });
const body = (envelope: { body: string }) => JSON.parse(envelope.body);

function run(evt: unknown, processRecord: (ref: S3ObjectRef) => Promise<{ outcome: string; invoiceId?: string }>) {
  return processS3Event(evt, { logger: silentLogger, processRecord, successMessage: (r) => `done ${r.length}` });
}

describe('processS3Event', () => {
  it('returns 200 with every record’s outcome when all succeed; the last record’s data is on top, as the original’s', async () => {
    const seen: string[] = [];
    const envelope = await run(event('a+b.pdf', 'c%26d.pdf'), async (ref) => {
      seen.push(ref.key);
      return { outcome: 'inserted', invoiceId: ref.key };
    });
    expect(seen).toEqual(['a b.pdf', 'c&d.pdf']);
    expect(envelope.statusCode).toBe(200);
    expect(envelope.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(body(envelope)).toEqual({
      message: 'done 2',
      code: 200,
      data: {
        outcome: 'inserted',
        invoiceId: 'c&d.pdf',
        records: [
          { key: 'a b.pdf', outcome: 'inserted', invoiceId: 'a b.pdf' },
          { key: 'c&d.pdf', outcome: 'inserted', invoiceId: 'c&d.pdf' },
        ],
      },
    });
  });

  it('fails only the bad record: 207 with per-record outcomes', async () => {
    const envelope = await run(event('good.pdf', 'bad.pdf'), async (ref) => {
      if (ref.key === 'bad.pdf') throw new InvoiceParseError('no OCR');
      return { outcome: 'inserted' };
    });
    expect(envelope.statusCode).toBe(207);
    expect(body(envelope).data.records).toEqual([
      { key: 'good.pdf', outcome: 'inserted' },
      { key: 'bad.pdf', outcome: 'error', error: { code: 'INVOICE_PARSE_ERROR', message: 'no OCR' } },
    ]);
  });

  it('returns a single record’s permanent failure with its own code and status', async () => {
    const envelope = await run(event('bad.pdf'), async () => {
      throw new InvoiceParseError('no OCR');
    });
    expect(envelope.statusCode).toBe(500);
    expect(body(envelope)).toEqual({ error: { code: 'INVOICE_PARSE_ERROR', message: 'no OCR' } });
  });

  it('maps an unexpected exception to INTERNAL_SERVER_ERROR without leaking its message', async () => {
    const envelope = await run(event('x.pdf'), async () => {
      throw new TypeError('secret internals');
    });
    expect(body(envelope)).toEqual({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
  });

  it.each([
    ['a dependency outage', new DependencyError('DynamoDB down')],
    ['a missing configuration', new ConfigurationError('DYNAMODB_TABLE is not set')],
  ])('throws on %s, after trying every record, so Lambda retries the event', async (_name, error) => {
    const tried: string[] = [];
    await expect(
      run(event('a.pdf', 'b.pdf'), async (ref) => {
        tried.push(ref.key);
        if (ref.key === 'a.pdf') throw error;
        return { outcome: 'inserted' };
      }),
    ).rejects.toBeInstanceOf(TransientBatchError);
    expect(tried).toEqual(['a.pdf', 'b.pdf']);
  });

  it.each([
    ['no Records', {}],
    ['Records not an array', { Records: 'x' }],
    ['empty Records', { Records: [] }],
    ['not an object', 'hello'],
  ])('answers MISSING_FIELDS for an event with %s', async (_name, evt) => {
    const envelope = await run(evt, async () => ({ outcome: 'inserted' }));
    expect(envelope.statusCode).toBe(400);
    expect(body(envelope).error.code).toBe('MISSING_FIELDS');
  });

  it('answers MISSING_FIELDS for a record without s3, and still processes the others', async () => {
    const envelope = await run({ Records: [{ eventName: 'x' }, record('ok.pdf')] }, async () => ({ outcome: 'inserted' }));
    expect(envelope.statusCode).toBe(207);
    expect(body(envelope).data.records[0]).toEqual({ key: null, outcome: 'error', error: { code: 'MISSING_FIELDS', message: 'The record has no s3 entry' } });
  });
});
