import { resolveConfig, configFromEnv } from '../../stacks/config';
import { HARDENED_CHANGES } from '../../stacks/hardened-changes';
import { S3_TF_ADDRESSES } from '../support/s3-tf-addresses';
import { addresses, resource, synthPayPulse } from '../support/synth';

describe('secure defaults that only add resources', () => {
  const { tf } = synthPayPulse();

  it('denies plain-HTTP access to the invoices bucket and its objects (the bucket had no policy: a create)', () => {
    const policy = resource(tf, 'aws_s3_bucket_policy.rental_invoices');
    expect(policy.bucket).toBe('${aws_s3_bucket.rental_invoices.id}');
    expect(JSON.parse(policy.policy as string)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: ['${aws_s3_bucket.rental_invoices.arn}', '${aws_s3_bucket.rental_invoices.arn}/*'],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    });
  });

  it('expires noncurrent lambda zips beyond the last 10 and 30 days, keeps the current one, aborts stale uploads', () => {
    expect(resource(tf, 'aws_s3_bucket_lifecycle_configuration.lambda_bucket')).toEqual({
      bucket: '${aws_s3_bucket.lambda_bucket.id}',
      depends_on: ['aws_s3_bucket_versioning.lambda_bucket_versioning'],
      rule: [
        {
          id: 'expire-noncurrent-zips',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          noncurrent_version_expiration: [{ noncurrent_days: 30, newer_noncurrent_versions: 10 }],
          abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
        },
      ],
    });
    const rule = (resource(tf, 'aws_s3_bucket_lifecycle_configuration.lambda_bucket').rule as Array<Record<string, unknown>>)[0];
    expect(rule.expiration).toBeUndefined();
  });

  it('takes the retention from config', () => {
    const custom = synthPayPulse({ lambdaZipNoncurrentVersionsKept: 3, lambdaZipNoncurrentDays: 90 }).tf;
    const [rule] = resource(custom, 'aws_s3_bucket_lifecycle_configuration.lambda_bucket').rule as Array<Record<string, unknown>>;
    expect(rule.noncurrent_version_expiration).toEqual([{ noncurrent_days: 90, newer_noncurrent_versions: 3 }]);
  });

  it('alarms as soon as a failed event waits in parse_failures, with no action unless a topic is configured', () => {
    expect(resource(tf, 'aws_cloudwatch_metric_alarm.parse_failures')).toEqual({
      alarm_name: '${aws_sqs_queue.parse_failures.name}-not-empty',
      alarm_description: expect.stringContaining('failure queue'),
      namespace: 'AWS/SQS',
      metric_name: 'ApproximateNumberOfMessagesVisible',
      dimensions: { QueueName: '${aws_sqs_queue.parse_failures.name}' },
      statistic: 'Maximum',
      period: 300,
      evaluation_periods: 1,
      threshold: 0,
      comparison_operator: 'GreaterThanThreshold',
      treat_missing_data: 'notBreaching',
      alarm_actions: [],
      ok_actions: [],
    });
  });

  it('notifies the configured SNS topic when the alarm fires and clears', () => {
    const topic = 'arn:aws:sns:eu-west-1:111122223333:paypulse-alerts';
    const alarm = resource(synthPayPulse({ failureAlarmTopicArn: topic }).tf, 'aws_cloudwatch_metric_alarm.parse_failures');
    expect(alarm.alarm_actions).toEqual([topic]);
    expect(alarm.ok_actions).toEqual([topic]);
    expect(configFromEnv({ PAYPULSE_FAILURE_ALARM_TOPIC_ARN: topic })).toEqual({ failureAlarmTopicArn: topic });
  });

  it.each([
    [{ lambdaZipNoncurrentVersionsKept: 0 }, /lambdaZipNoncurrentVersionsKept must be an integer from 1 to 100, got 0/],
    [{ lambdaZipNoncurrentVersionsKept: 101 }, /lambdaZipNoncurrentVersionsKept .* got 101/],
    [{ lambdaZipNoncurrentDays: 1.5 }, /lambdaZipNoncurrentDays must be a positive integer, got 1.5/],
    [{ failureAlarmTopicArn: 'paypulse-alerts' }, /failureAlarmTopicArn 'paypulse-alerts' is not an SNS topic ARN/],
  ])('rejects %j', (overrides, message) => {
    expect(() => resolveConfig(overrides)).toThrow(message);
  });
});

/** Top-level attributes of `a` and `b` whose values differ. */
function changedPaths(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key])).sort();
}

describe('hardened: its changes to existing resources are exactly the declared ones', () => {
  const plain = synthPayPulse().tf;
  const hardened = synthPayPulse({ hardened: true }).tf;
  const existing = addresses(plain).filter(
    (address) => (S3_TF_ADDRESSES as readonly string[]).includes(address) || /^aws_lambda_(function|permission)\./.test(address),
  );

  it('HARDENED_CHANGES lists every changed attribute of an existing resource, and nothing else', () => {
    const changed = existing
      .map((address) => ({ address, paths: changedPaths(resource(plain, address), resource(hardened, address)) }))
      .filter((change) => change.paths.length > 0);
    expect(changed).toEqual(
      HARDENED_CHANGES.map(({ address, paths }) => ({ address, paths: [...paths].sort() })).sort((x, y) => x.address.localeCompare(y.address)),
    );
  });

  it('otherwise only adds parse_invoice’s role, its policy and its failure-destination grant, and drops the dropped-events alarm the queue replaces', () => {
    const added = addresses(hardened).filter((address) => !addresses(plain).includes(address));
    expect(added).toEqual([
      'aws_iam_role.parse_invoice_execution',
      'aws_iam_role_policy.parse_invoice_execution',
      'aws_iam_role_policy.parse_invoice_failure_destination',
    ]);
    expect(addresses(plain).filter((address) => !addresses(hardened).includes(address))).toEqual(['aws_cloudwatch_metric_alarm.parse_invoice_dropped_events']);
  });
});
