import { readStackModel } from '../../../tools/local/stack-model';
import type { StackJson } from '../../../tools/stack-json/stack-json';
import { synthPayPulse } from '../../support/synth';

const minimal = (overrides: Partial<Record<string, unknown>> = {}): StackJson => ({
  variable: { bucket_name: { default: 'my-bucket' }, region: { default: 'eu-north-1' }, secret: {} },
  provider: { aws: [{ region: '${var.region}' }] },
  resource: {
    aws_s3_bucket: { invoices: { bucket: '${var.bucket_name}' } },
    aws_lambda_function: {
      parse: { function_name: 'parse_${var.bucket_name}', environment: { variables: { TABLE: 'T', BUCKET: '${aws_s3_bucket.invoices.bucket}', SECRET: '${var.secret}' } } },
    },
    aws_s3_bucket_notification: {
      trigger: {
        bucket: '${aws_s3_bucket.invoices.id}',
        lambda_function: [{ events: ['s3:ObjectCreated:*'], filter_prefix: 'in/', filter_suffix: '.pdf', lambda_function_arn: '${aws_lambda_function.parse.arn}' }],
      },
    },
    ...overrides,
  },
});

describe('readStackModel', () => {
  it('resolves variables, resource attributes and function names through references', () => {
    const model = readStackModel(minimal(), 'eu-west-1');
    expect(model.region).toBe('eu-north-1');
    expect(model.buckets).toEqual(['my-bucket']);
    expect(model.routes).toEqual([{ bucket: 'my-bucket', functionName: 'parse_my-bucket', events: ['s3:ObjectCreated:*'], prefix: 'in/', suffix: '.pdf' }]);
    expect(model.functions['parse_my-bucket']).toMatchObject({ address: 'aws_lambda_function.parse', environment: { TABLE: 'T', BUCKET: 'my-bucket' } });
  });

  it('leaves out environment variables known only at apply time, and names them', () => {
    expect(readStackModel(minimal(), 'eu-west-1').functions['parse_my-bucket']).toMatchObject({ unresolved: ['SECRET'] });
  });

  it('accepts a literal function ARN as a target', () => {
    const tf = minimal();
    const notification = tf.resource!.aws_s3_bucket_notification.trigger as { lambda_function: Array<Record<string, unknown>> };
    notification.lambda_function[0].lambda_function_arn = 'arn:aws:lambda:eu-north-1:123456789012:function:parse_my-bucket';
    expect(readStackModel(tf, 'eu-west-1').routes[0].functionName).toBe('parse_my-bucket');
  });

  it('rejects a notification whose target function the stack does not define', () => {
    const tf = minimal();
    const notification = tf.resource!.aws_s3_bucket_notification.trigger as { lambda_function: Array<Record<string, unknown>> };
    notification.lambda_function[0].lambda_function_arn = 'arn:aws:lambda:eu-north-1:123456789012:function:elsewhere';
    expect(() => readStackModel(tf, 'eu-west-1')).toThrow(/elsewhere/);
  });

  it('rejects a bucket name that only a deployment would know', () => {
    expect(() => readStackModel({ ...minimal(), variable: {} }, 'eu-west-1')).toThrow(/aws_s3_bucket\.invoices\.bucket/);
  });

  it('reads the PayPulse stack: two routes on the invoices bucket and the handlers’ environments', () => {
    const model = readStackModel(synthPayPulse().tf as unknown as StackJson, 'eu-west-1');
    expect(model.routes.map((r) => `${r.bucket}/${r.prefix}*${r.suffix} -> ${r.functionName}`)).toEqual([
      'rental-invoices-bucket/invoices/*.pdf -> parse_invoice',
      'rental-invoices-bucket/invoices/*.html -> parse_retail_invoice',
    ]);
    expect(model.functions.parse_invoice.environment).toEqual({ DYNAMODB_TABLE: 'RentalInvoices', REGION: 'eu-west-1' });
    expect(model.functions.parse_retail_invoice.environment.RETAIL_INVOICES_TABLE).toBe('RetailInvoices');
  });
});
