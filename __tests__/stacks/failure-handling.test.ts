import { resource, synthPayPulse } from '../support/synth';

describe('failure handling of the S3-triggered parsers', () => {
  const { tf } = synthPayPulse();

  it('keeps failed events for 14 days in an encrypted parse_failures queue', () => {
    expect(resource(tf, 'aws_sqs_queue.parse_failures')).toEqual({
      name: 'paypulse-parse-failures',
      sqs_managed_sse_enabled: true,
      message_retention_seconds: 1209600,
    });
  });

  it.each(['parse_invoice', 'parse_retail_invoice'])('retries %s twice, then sends the event to the queue', (fn) => {
    expect(resource(tf, `aws_lambda_function_event_invoke_config.${fn}`)).toEqual({
      function_name: `\${aws_lambda_function.${fn}.function_name}`,
      maximum_retry_attempts: 2,
      maximum_event_age_in_seconds: 21600,
      destination_config: { on_failure: { destination: '${aws_sqs_queue.parse_failures.arn}' } },
      depends_on: [`aws_iam_role_policy.${fn}_failure_destination`],
    });
  });

  it('lets each parser’s role send to the queue, and nothing else', () => {
    const policy = resource(tf, 'aws_iam_role_policy.parse_invoice_failure_destination');
    expect(policy.role).toBe('wallenstam_lambda_role');
    expect(JSON.parse(policy.policy as string)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'SendFailedEvents', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '${aws_sqs_queue.parse_failures.arn}' }],
    });
    expect(resource(tf, 'aws_iam_role_policy.parse_retail_invoice_failure_destination').role).toBe('parse_retail_invoice_role');
  });

  it('attaches to the managed roles when the stack creates them, and to a configured role by its name', () => {
    const managed = synthPayPulse({ executionRoles: 'managed' });
    expect(resource(managed.tf, 'aws_iam_role_policy.parse_invoice_failure_destination').role).toBe('${aws_iam_role.parse_invoice_execution.name}');
    const configured = synthPayPulse({ roleArns: { parse_retail_invoice: 'arn:aws:iam::111122223333:role/service/retail-parser' } });
    expect(resource(configured.tf, 'aws_iam_role_policy.parse_retail_invoice_failure_destination').role).toBe('retail-parser');
  });
});

describe('hardening', () => {
  it('adds SSE and a full public-access block to the lambda bucket by default (new resources, no change to existing ones)', () => {
    const { tf } = synthPayPulse();
    expect(resource(tf, 'aws_s3_bucket_server_side_encryption_configuration.lambda_bucket')).toEqual({
      bucket: '${aws_s3_bucket.lambda_bucket.id}',
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }],
    });
    expect(resource(tf, 'aws_s3_bucket_public_access_block.lambda_bucket')).toEqual({
      bucket: '${aws_s3_bucket.lambda_bucket.id}',
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
  });

  it('leaves the existing permissions and bucket policy untouched unless hardened', () => {
    const { tf } = synthPayPulse();
    expect(resource(tf, 'aws_lambda_permission.allow_s3_invoke_parse_invoice').source_account).toBeUndefined();
    expect(JSON.parse(resource(tf, 'aws_s3_bucket_policy.lambda_bucket_policy').policy as string).Statement).toHaveLength(1);
  });

  it('with hardened: pins S3 invoke permissions to the account and hardens the bucket policy', () => {
    const { tf } = synthPayPulse({ hardened: true });
    for (const fn of ['parse_invoice', 'parse_retail_invoice']) {
      expect(resource(tf, `aws_lambda_permission.allow_s3_invoke_${fn}`)).toMatchObject({
        source_arn: '${aws_s3_bucket.rental_invoices.arn}',
        source_account: '${data.aws_caller_identity.current.account_id}',
      });
    }
    const statements = JSON.parse(resource(tf, 'aws_s3_bucket_policy.lambda_bucket_policy').policy as string).Statement;
    expect(statements.map((s: { Effect: string }) => s.Effect)).toEqual(['Allow', 'Deny']);
  });
});
