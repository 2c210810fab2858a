import { BASE_FIXTURE, hyresaviPdf } from '../../tools/fixtures/hyresavi-pdf';
import { editStack, startPipelineWorld, synthesizedStackPath, type PipelineWorld } from '../support/pipeline-world';

type Notification = { lambda_function: Array<{ filter_suffix?: string; filter_prefix?: string; lambda_function_arn: string }> };

/**
 * The pipeline has no routing of its own: edit the synthesized stack (the suffix of
 * parse_invoice's block, the bucket variable's default) and it routes differently.
 */
describe('routing comes from the synthesized cdk.tf.json', () => {
  let world: PipelineWorld;
  let pdf: Buffer;

  beforeAll(async () => {
    const edited = editStack(await synthesizedStackPath(), (tf) => {
      const notifications = tf.resource?.aws_s3_bucket_notification as Record<string, Notification>;
      for (const notification of Object.values(notifications)) {
        for (const block of notification.lambda_function) {
          if (block.filter_suffix === '.pdf') block.filter_suffix = '.PDF';
        }
      }
      (tf.variable as Record<string, { default?: unknown }>).invoices_bucket_name.default = 'edited-invoices-bucket';
    });
    [world, pdf] = await Promise.all([startPipelineWorld({ stack: edited }), hyresaviPdf(BASE_FIXTURE)]);
  }, 60000);
  afterAll(() => world?.stop());

  it('resolves the bucket from the edited variable default', () => {
    expect(world.bucket).toBe('edited-invoices-bucket');
    expect(world.local.stack.buckets).toContain('edited-invoices-bucket');
  });

  it('no longer routes .pdf to parse_invoice', async () => {
    const key = 'invoices/route-lower/rental/Hyresavi_1297534020.pdf';
    await world.upload(key, pdf);

    expect(await world.reportsFor(key)).toEqual([expect.objectContaining({ function: null, outcome: 'not_routed' })]);
    expect(await world.items('RentalInvoices', 'route-lower')).toEqual([]);
  });

  it('routes .PDF to parse_invoice, which writes the record', async () => {
    const key = 'invoices/route-upper/rental/Hyresavi_1297534021.PDF';
    await world.upload(key, await hyresaviPdf({ ...BASE_FIXTURE, ocr: '1297534021' }));

    expect(await world.reportsFor(key)).toEqual([expect.objectContaining({ function: 'parse_invoice', outcome: 'inserted', InvoiceID: 'Invoice_1297534021' })]);
    expect(await world.items('RentalInvoices', 'route-upper')).toEqual([expect.objectContaining({ InvoiceID: 'Invoice_1297534021' })]);
  });

  it('leaves the unedited .html block as it was', async () => {
    expect(world.local.stack.routes.find((r) => r.functionName === 'parse_retail_invoice')).toMatchObject({ prefix: 'invoices/', suffix: '.html' });
  });
});
