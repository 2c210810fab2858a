import type { PayPulseConfigOverrides } from '../../../stacks/config';
import { checkInvariants, formatViolations } from '../../../tools/security/invariants';
import type { StackJson } from '../../../tools/stack-json/stack-json';
import { synthPayPulse } from '../../support/synth';

const BACKENDS: PayPulseConfigOverrides[] = [
  {},
  { backend: { type: 's3', bucket: 'paypulse-tf-state', key: 'paypulse.tfstate', region: 'eu-west-1', dynamodbTable: 'tf-locks', encrypt: true } },
];
const ARTIFACTS: PayPulseConfigOverrides[] = [{ zipArtifacts: 'managed' }, { zipArtifacts: 'external' }];
const IMAGES: PayPulseConfigOverrides[] = [{ parserImage: { mode: 'build' } }, { parserImage: { mode: 'pinned', tag: '20250929T164954' } }];
const HARDENING: PayPulseConfigOverrides[] = [
  { hardened: false },
  { hardened: true, parserImageTagMutability: 'IMMUTABLE' },
  { hardened: false, executionRoles: 'managed', hardenedLambdaBucketPolicy: true },
];

const variants = BACKENDS.flatMap((backend) =>
  ARTIFACTS.flatMap((artifacts) => IMAGES.flatMap((image) => HARDENING.map((hardening) => ({ ...backend, ...artifacts, ...image, ...hardening })))),
);

const describeVariant = (v: PayPulseConfigOverrides) =>
  [
    v.backend?.type ?? 'local',
    v.zipArtifacts,
    v.parserImage?.mode,
    v.hardened ? 'hardened' : 'default',
    v.executionRoles ?? 'external-roles',
    v.hardenedLambdaBucketPolicy ? 'hardened-policy' : '',
  ].filter(Boolean).join(' / ');

describe('security invariants hold on every synthesized variant', () => {
  it('covers both backends, both artifact modes, both image modes and the hardening flags (24 variants)', () => {
    expect(variants).toHaveLength(24);
  });

  it.each(variants.map((v) => [describeVariant(v), v] as const))('%s', (_name, overrides) => {
    const { tf } = synthPayPulse(overrides);
    const violations = checkInvariants(tf as StackJson, {
      hardened: overrides.hardened === true,
      immutableTags: overrides.parserImageTagMutability === 'IMMUTABLE',
    });
    if (violations.length) throw new Error(`invariants broken:\n${formatViolations(violations)}`);
    expect(violations).toEqual([]);
  });
});

describe('each invariant catches its violation and names the address and the rule', () => {
  const base = () => JSON.parse(synthPayPulse({ hardened: true }).json) as { resource: Record<string, Record<string, Record<string, unknown>>>; variable: Record<string, { sensitive?: boolean }> };
  const check = (tf: unknown, immutableTags = false) => checkInvariants(tf as StackJson, { hardened: true, immutableTags });

  it('passes the unmodified hardened stack', () => {
    expect(check(base())).toEqual([]);
  });

  it('a bucket without full public-access block', () => {
    const tf = base();
    tf.resource.aws_s3_bucket_public_access_block.lambda_bucket.block_public_acls = false;
    expect(check(tf)).toEqual([{ address: 'aws_s3_bucket.lambda_bucket', rule: 'bucket-public-access-block', detail: expect.any(String) }]);
  });

  it('a bucket without versioning or encryption', () => {
    const tf = base();
    delete tf.resource.aws_s3_bucket_versioning.rental_invoices;
    delete tf.resource.aws_s3_bucket_server_side_encryption_configuration.rental_invoices;
    expect(check(tf).map((v) => `${v.address} ${v.rule}`).sort()).toEqual([
      'aws_s3_bucket.rental_invoices bucket-encryption',
      'aws_s3_bucket.rental_invoices bucket-versioning',
    ]);
  });

  it('an IAM statement with a wildcard action or resource', () => {
    const tf = base();
    const policy = tf.resource.aws_iam_role_policy.parse_invoice_failure_destination;
    policy.policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }] });
    expect(check(tf).map((v) => `${v.address} ${v.rule}`)).toEqual([
      'aws_iam_role_policy.parse_invoice_failure_destination iam-no-wildcard-action',
      'aws_iam_role_policy.parse_invoice_failure_destination iam-no-wildcard-resource',
    ]);
  });

  it('a Lambda permission without source_account in the hardened stack', () => {
    const tf = base();
    delete tf.resource.aws_lambda_permission.allow_s3_invoke_parse_invoice.source_account;
    expect(check(tf)).toEqual([{ address: 'aws_lambda_permission.allow_s3_invoke_parse_invoice', rule: 'lambda-permission-source', detail: 'no source_account' }]);
  });

  it('an unencrypted queue', () => {
    const tf = base();
    tf.resource.aws_sqs_queue.parse_failures.sqs_managed_sse_enabled = false;
    expect(check(tf)).toEqual([{ address: 'aws_sqs_queue.parse_failures', rule: 'sqs-encrypted', detail: expect.any(String) }]);
  });

  it('a secret passed as a literal, or a secret variable that is not sensitive', () => {
    const tf = base();
    const env = (tf.resource.aws_lambda_function.login_user.environment as { variables: Record<string, string> }).variables;
    env.JWT_SECRET = 'hunter2';
    tf.variable.gemini_api_key.sensitive = false;
    expect(check(tf).map((v) => `${v.address} ${v.rule}`).sort()).toEqual([
      // The function reading the no-longer-sensitive variable is flagged too.
      'aws_lambda_function.fetch_and_classify_retail_invoices secrets-sensitive',
      'aws_lambda_function.login_user secrets-sensitive',
      'var.gemini_api_key secrets-sensitive',
    ]);
  });

  it('an ECR repository without scan on push, or with mutable tags where immutable is configured', () => {
    const tf = base();
    tf.resource.aws_ecr_repository.invoice_parser.image_scanning_configuration = { scan_on_push: false };
    expect(check(tf, true).map((v) => v.rule).sort()).toEqual(['ecr-immutable-tags', 'ecr-scan-on-push']);
  });

  it('a hardened bucket policy that lost its TLS deny or its SourceAccount condition', () => {
    const tf = base();
    const policy = tf.resource.aws_s3_bucket_policy.lambda_bucket_policy;
    const doc = JSON.parse(policy.policy as string);
    delete doc.Statement[0].Condition;
    doc.Statement = doc.Statement.slice(0, 1);
    policy.policy = JSON.stringify(doc);
    expect(check(tf).map((v) => v.detail).sort()).toEqual([
      'an Allow statement has no aws:SourceAccount condition',
      'does not deny aws:SecureTransport = false',
      'no bucket policy denies s3:* when aws:SecureTransport is false',
    ]);
  });

  it('a bucket without a TLS-only deny (the invoices bucket policy removed or weakened)', () => {
    const tf = base();
    const policy = tf.resource.aws_s3_bucket_policy.rental_invoices;
    const doc = JSON.parse(policy.policy as string);
    doc.Statement[0].Condition = { Bool: { 'aws:SecureTransport': 'true' } };
    policy.policy = JSON.stringify(doc);
    expect(check(tf)).toEqual([{ address: 'aws_s3_bucket.rental_invoices', rule: 'bucket-tls-only', detail: expect.any(String) }]);
    delete tf.resource.aws_s3_bucket_policy.rental_invoices;
    expect(check(tf).map((v) => `${v.address} ${v.rule}`)).toEqual(['aws_s3_bucket.rental_invoices bucket-tls-only']);
  });

  it('exempts the lambda bucket’s existing policy from the TLS rule only when not hardened', () => {
    const plain = synthPayPulse({}).tf as unknown as StackJson;
    expect(checkInvariants(plain, { hardened: false, immutableTags: false })).toEqual([]);
    expect(checkInvariants(plain, { hardened: true, immutableTags: false }).filter((v) => v.rule === 'bucket-tls-only')).toEqual([
      { address: 'aws_s3_bucket.lambda_bucket', rule: 'bucket-tls-only', detail: expect.any(String) },
    ]);
  });

  it('a Lambda code bucket whose noncurrent zips never expire', () => {
    const tf = base();
    const rule = (tf.resource.aws_s3_bucket_lifecycle_configuration.lambda_bucket.rule as Array<Record<string, unknown>>)[0];
    rule.status = 'Disabled';
    expect(check(tf)).toEqual([{ address: 'aws_s3_bucket.lambda_bucket', rule: 'artifact-noncurrent-expiry', detail: expect.any(String) }]);
    delete tf.resource.aws_s3_bucket_lifecycle_configuration;
    expect(check(tf).map((v) => v.rule)).toEqual(['artifact-noncurrent-expiry']);
  });

  it('a queue without an alarm on its backlog', () => {
    const tf = base();
    tf.resource.aws_cloudwatch_metric_alarm.parse_failures.metric_name = 'NumberOfMessagesSent';
    expect(check(tf)).toEqual([{ address: 'aws_sqs_queue.parse_failures', rule: 'queue-alarm', detail: expect.any(String) }]);
    delete tf.resource.aws_cloudwatch_metric_alarm;
    expect(check(tf).map((v) => v.rule)).toEqual(['queue-alarm']);
  });

  it('a function that drops its failed events without an alarm (the default stack, where parse_invoice has no failure destination)', () => {
    const tf = JSON.parse(synthPayPulse({}).json) as ReturnType<typeof base>;
    const defaults = (t: unknown) => checkInvariants(t as StackJson, { hardened: false, immutableTags: false });
    expect(defaults(tf)).toEqual([]);
    delete tf.resource.aws_cloudwatch_metric_alarm.parse_invoice_dropped_events;
    expect(defaults(tf)).toEqual([{ address: 'aws_lambda_function_event_invoke_config.parse_invoice', rule: 'dropped-events-alarm', detail: expect.any(String) }]);
  });

  it('a grant on the role several functions share (sqs:SendMessage to the shared Wallenstam role, as before)', () => {
    const tf = JSON.parse(synthPayPulse({}).json) as ReturnType<typeof base>;
    tf.resource.aws_iam_role_policy.parse_invoice_failure_destination = {
      name: 'parse_invoice_failure_destination',
      role: 'Wallenstam-Lambda-Role',
      policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '${aws_sqs_queue.parse_failures.arn}' }] }),
    };
    expect(checkInvariants(tf as unknown as StackJson, { hardened: false, immutableTags: false })).toEqual([
      { address: 'aws_iam_role_policy.parse_invoice_failure_destination', rule: 'shared-role-not-widened', detail: expect.stringMatching(/^grants to Wallenstam-Lambda-Role, the role of \d+ functions$/) },
    ]);
  });
});
