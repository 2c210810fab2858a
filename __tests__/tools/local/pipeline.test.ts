import type { AwsClients } from '../../../handlers/shared/clients';
import { successResponse } from '../../../handlers/shared/envelope';
import type { HandlerDeps, S3EventHandler } from '../../../handlers/shared/handler-deps';
import { createPipeline } from '../../../tools/local/pipeline';
import type { S3Event } from '../../../tools/local/s3-notification';
import type { StackModel } from '../../../tools/local/stack-model';

const STACK: StackModel = {
  region: 'eu-west-1',
  buckets: ['b'],
  routes: [
    { bucket: 'b', functionName: 'parse_invoice', events: ['s3:ObjectCreated:*'], prefix: 'invoices/', suffix: '.pdf' },
    { bucket: 'b', functionName: 'ghost', events: ['s3:ObjectCreated:*'], prefix: 'invoices/', suffix: '.ghost' },
  ],
  functions: {
    parse_invoice: { functionName: 'parse_invoice', address: 'aws_lambda_function.parse_invoice', environment: { DYNAMODB_TABLE: 'T' }, unresolved: [] },
    ghost: { functionName: 'ghost', address: 'aws_lambda_function.ghost', environment: {}, unresolved: [] },
  },
};

/** A pipeline whose parse_invoice handler is `handler`; `ghost` has no source. */
function pipelineWith(handler: (event: S3Event, deps: HandlerDeps) => ReturnType<S3EventHandler>) {
  const seen: HandlerDeps[] = [];
  const pipeline = createPipeline({
    stack: STACK,
    clients: {} as AwsClients,
    retryDelayMs: 1,
    loadHandler: async (name) =>
      name === 'parse_invoice'
        ? (deps) => {
            seen.push(deps);
            return (event) => handler(event as S3Event, deps);
          }
        : undefined,
  });
  return { pipeline, seen };
}

const write = (key: string) => ({ bucket: 'b', key, size: 3, eTag: 'abc' });

describe('createPipeline', () => {
  it('invokes the routed handler with the function’s synthesized environment and S3’s event, and reports its outcome', async () => {
    const events: S3Event[] = [];
    const { pipeline, seen } = pipelineWith(async (event) => {
      events.push(event);
      return successResponse('ok', { outcome: 'inserted', invoiceId: 'Invoice_1' });
    });
    pipeline.accept(write('invoices/u/rental/a b.pdf'));
    await pipeline.idle();

    expect(seen.map((d) => d.env)).toEqual([{ DYNAMODB_TABLE: 'T' }]);
    expect(events[0].Records[0].s3.object.key).toBe('invoices/u/rental/a+b.pdf');
    expect(pipeline.reports).toEqual([
      expect.objectContaining({ key: 'invoices/u/rental/a b.pdf', function: 'parse_invoice', outcome: 'inserted', InvoiceID: 'Invoice_1', status: 200, attempts: 1 }),
    ]);
  });

  it('retries a handler that throws, as an asynchronous invoke does, with the same event', async () => {
    const sequencers: string[] = [];
    let calls = 0;
    const { pipeline } = pipelineWith(async (event) => {
      sequencers.push(event.Records[0].s3.object.sequencer);
      if (++calls < 3) throw new Error('DynamoDB unavailable');
      return successResponse('ok', { outcome: 'inserted', invoiceId: 'Invoice_2' });
    });
    pipeline.accept(write('invoices/u/rental/b.pdf'));
    await pipeline.idle();

    expect(pipeline.reports).toEqual([expect.objectContaining({ outcome: 'inserted', attempts: 3 })]);
    expect(new Set(sequencers).size).toBe(1);
  });

  it('reports an error after the retries run out', async () => {
    const { pipeline } = pipelineWith(async () => {
      throw new TypeError('always');
    });
    pipeline.accept(write('invoices/u/rental/c.pdf'));
    await pipeline.idle();

    expect(pipeline.reports).toEqual([expect.objectContaining({ outcome: 'error', attempts: 3, error: { code: 'TypeError', message: 'always' } })]);
  });

  it('reports unrouted writes and routes to a function with no handler source', async () => {
    const { pipeline } = pipelineWith(async () => successResponse('ok', {}));
    pipeline.accept(write('elsewhere/x.pdf'));
    pipeline.accept(write('invoices/u/x.ghost'));
    await pipeline.idle();

    expect(pipeline.reports).toEqual([
      expect.objectContaining({ key: 'elsewhere/x.pdf', function: null, outcome: 'not_routed' }),
      expect.objectContaining({ key: 'invoices/u/x.ghost', function: 'ghost', outcome: 'error', error: expect.objectContaining({ code: 'NO_HANDLER' }) }),
    ]);
  });
});
