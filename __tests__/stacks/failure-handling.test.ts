import { resource, synthPayPulse } from '../support/synth';

const SEND_FAILURES = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'SendFailedEvents', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '${aws_sqs_queue.parse_failures.arn}' }],
};

const withDestination = (fn: string) => ({
  function_name: `\${aws_lambda_function.${fn}.function_name}`,
  maximum_retry_attempts: 2,
  maximum_event_age_in_seconds: 21600,
  destination_config: { on_failure: { destination: '${aws_sqs_queue.parse_failures.arn}' } },
  depends_on: [`aws_iam_role_policy.${fn}_failure_destination`],
});

describe('failure handling of the S3-triggered parsers', () => {
  const { tf } = synthPayPulse();

  it('keeps failed events for 14 days in an encrypted parse_failures queue', () => {
    expect(resource(tf, 'aws_sqs_queue.parse_failures')).toEqual({
      name: 'paypulse-parse-failures',
      sqs_managed_sse_enabled: true,
      message_retention_seconds: 1209600,
    });
  });

  it('retries parse_retail_invoice twice, then sends the event to the queue, granted to its own role only', () => {
    expect(resource(tf, 'aws_lambda_function_event_invoke_config.parse_retail_invoice')).toEqual(withDestination('parse_retail_invoice'));
    const policy = resource(tf, 'aws_iam_role_policy.parse_retail_invoice_failure_destination');
    expect(policy.role).toBe('parse_retail_invoice_lambda_role');
    expect(JSON.parse(policy.policy as string)).toEqual(SEND_FAILURES);
  });

  it('by default does not widen the shared role: parse_invoice (on it) is retried, with no failure destination', () => {
    expect(resource(tf, 'aws_lambda_function_event_invoke_config.parse_invoice')).toEqual({
      function_name: '${aws_lambda_function.parse_invoice.function_name}',
      maximum_retry_attempts: 2,
      maximum_event_age_in_seconds: 21600,
    });
    expect(tf.resource.aws_iam_role_policy?.parse_invoice_failure_destination).toBeUndefined();
    const grantedRoles = Object.values(tf.resource.aws_iam_role_policy ?? {}).map((p) => p.role);
    expect(grantedRoles).not.toContain('Wallenstam-Lambda-Role');
  });

  it('alarms when Lambda drops an event of a function without a failure destination (parse_invoice by default)', () => {
    expect(resource(tf, 'aws_cloudwatch_metric_alarm.parse_invoice_dropped_events')).toMatchObject({
      alarm_name: '${aws_lambda_function.parse_invoice.function_name}-dropped-events',
      namespace: 'AWS/Lambda',
      metric_name: 'AsyncEventsDropped',
      dimensions: { FunctionName: '${aws_lambda_function.parse_invoice.function_name}' },
      statistic: 'Sum',
      threshold: 0,
      comparison_operator: 'GreaterThanThreshold',
      treat_missing_data: 'notBreaching',
    });
    // parse_retail_invoice's failures reach the queue, whose own alarm covers them.
    expect(tf.resource.aws_cloudwatch_metric_alarm?.parse_retail_invoice_dropped_events).toBeUndefined();
    const withTopic = synthPayPulse({ failureAlarmTopicArn: 'arn:aws:sns:eu-west-1:123456789012:ops' }).tf;
    expect(resource(withTopic, 'aws_cloudwatch_metric_alarm.parse_invoice_dropped_events')).toMatchObject({
      alarm_actions: ['arn:aws:sns:eu-west-1:123456789012:ops'],
      ok_actions: ['arn:aws:sns:eu-west-1:123456789012:ops'],
    });
    // With hardened, parse_invoice has the queue and needs no alarm of its own.
    expect(synthPayPulse({ hardened: true }).tf.resource.aws_cloudwatch_metric_alarm?.parse_invoice_dropped_events).toBeUndefined();
  });

  it('with hardened: parse_invoice gets a dedicated role, and only that role may send its failures to the queue', () => {
    const hardened = synthPayPulse({ hardened: true }).tf;
    expect(resource(hardened, 'aws_lambda_function.parse_invoice').role).toBe('${aws_iam_role.parse_invoice_execution.arn}');
    expect(resource(hardened, 'aws_lambda_function_event_invoke_config.parse_invoice')).toEqual(withDestination('parse_invoice'));
    const policy = resource(hardened, 'aws_iam_role_policy.parse_invoice_failure_destination');
    expect(policy.role).toBe('${aws_iam_role.parse_invoice_execution.name}');
    expect(JSON.parse(policy.policy as string)).toEqual(SEND_FAILURES);
    // The other shared-role functions keep the shared role, which gains nothing.
    expect(resource(hardened, 'aws_lambda_function.login_user').role).toMatch(/:role\/Wallenstam-Lambda-Role$/);
    expect(Object.values(hardened.resource.aws_iam_role_policy ?? {}).map((p) => p.role)).not.toContain('Wallenstam-Lambda-Role');
    // parse_retail_invoice already has a role of its own.
    expect(resource(hardened, 'aws_lambda_function.parse_retail_invoice').role).toMatch(/:role\/parse_retail_invoice_lambda_role$/);
  });

  it('attaches to the managed roles when the stack creates them, and to a configured role by its name', () => {
    const managed = synthPayPulse({ executionRoles: 'managed' });
    expect(resource(managed.tf, 'aws_iam_role_policy.parse_invoice_failure_destination').role).toBe('${aws_iam_role.parse_invoice_execution.name}');
    const configured = synthPayPulse({
      roleArns: { parse_retail_invoice: 'arn:aws:iam::111122223333:role/service/retail-parser', parse_invoice: 'arn:aws:iam::111122223333:role/invoice-parser' },
    });
    expect(resource(configured.tf, 'aws_iam_role_policy.parse_retail_invoice_failure_destination').role).toBe('retail-parser');
    expect(resource(configured.tf, 'aws_iam_role_policy.parse_invoice_failure_destination').role).toBe('invoice-parser');
  });

  it('keeps a configured explicit ARN for the shared role shared: no grant to it', () => {
    const { tf: shared } = synthPayPulse({ roleArns: { shared: 'arn:aws:iam::111122223333:role/Wallenstam-Lambda-Role' } });
    expect(shared.resource.aws_iam_role_policy?.parse_invoice_failure_destination).toBeUndefined();
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
