/**
 * Security invariants of a synthesized stack, in the spirit of checkov/tfsec.
 * `checkInvariants(tf)` returns one violation per broken rule and address; an
 * empty list means the stack passes. Rules read the synthesized JSON only.
 */

import { resourcesOfType, type Block, type StackJson } from '../stack-json/stack-json';

export interface Violation {
  readonly address: string;
  readonly rule: RuleId;
  readonly detail: string;
}

export type RuleId =
  | 'bucket-versioning'
  | 'bucket-encryption'
  | 'bucket-public-access-block'
  | 'iam-no-wildcard-action'
  | 'iam-no-wildcard-resource'
  | 'lambda-permission-source'
  | 'sqs-encrypted'
  | 'secrets-sensitive'
  | 'ecr-scan-on-push'
  | 'ecr-immutable-tags'
  | 'hardened-bucket-policy'
  | 'bucket-tls-only'
  | 'artifact-noncurrent-expiry'
  | 'queue-alarm'
  | 'dropped-events-alarm'
  | 'shared-role-not-widened';

export interface InvariantOptions {
  /** The stack was synthesized with `hardened: true`. */
  readonly hardened: boolean;
  /** The stack was synthesized with immutable ECR tags. */
  readonly immutableTags: boolean;
}


interface Statement {
  Sid?: string;
  Effect: string;
  Action?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string>>;
  Principal?: unknown;
}

/** Actions AWS only authorizes on `*` (they act on no specific resource). */
const STAR_RESOURCE_ACTIONS = new Set(['ecr:GetAuthorizationToken', 'xray:PutTraceSegments', 'xray:PutTelemetryRecords']);

/**
 * S3 invoke permissions that exist in the deployed state and stay byte-identical unless
 * `hardened`: adding source_account replaces them, so parity keeps them as they are.
 */
const PERMISSIONS_KEPT_FOR_PARITY = /^aws_lambda_permission\.allow_s3_invoke_/;

/**
 * Bucket policies that exist in the deployed state and stay as they are unless `hardened`
 * (a bucket has one policy, so the TLS deny can only come with the hardened document).
 */
const BUCKET_POLICIES_KEPT_FOR_PARITY = new Set(['aws_s3_bucket_policy.lambda_bucket_policy']);

/** Metrics that show a queue holding messages nobody consumed. */
const BACKLOG_METRICS = new Set(['ApproximateNumberOfMessagesVisible', 'ApproximateAgeOfOldestMessage']);

const SECRET_ENV = /SECRET|API_KEY|PASSWORD|TOKEN|CLIENT_ID/;

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Resources of `type` whose `bucket` points at the given bucket resource. */
function forBucket(tf: StackJson, type: string, bucketName: string): Block[] {
  return resourcesOfType(tf, type)
    .map(([, block]) => block)
    .filter((block) => block.bucket === `\${aws_s3_bucket.${bucketName}.id}`);
}

function checkBuckets(tf: StackJson, out: Violation[]): void {
  for (const [address] of resourcesOfType(tf, 'aws_s3_bucket')) {
    const name = address.split('.')[1];
    const versioning = forBucket(tf, 'aws_s3_bucket_versioning', name);
    if (!versioning.some((v) => (v.versioning_configuration as Block | undefined)?.status === 'Enabled')) {
      out.push({ address, rule: 'bucket-versioning', detail: 'no aws_s3_bucket_versioning with status Enabled' });
    }
    const encryption = forBucket(tf, 'aws_s3_bucket_server_side_encryption_configuration', name);
    const algorithms = encryption.flatMap((e) => list(e.rule as Block | Block[]).map((r) => (r.apply_server_side_encryption_by_default as Block | undefined)?.sse_algorithm));
    if (!algorithms.some((a) => a === 'AES256' || a === 'aws:kms' || a === 'aws:kms:dsse')) {
      out.push({ address, rule: 'bucket-encryption', detail: 'no default server-side encryption rule' });
    }
    const blocks = forBucket(tf, 'aws_s3_bucket_public_access_block', name);
    const flags = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
    if (!blocks.some((b) => flags.every((f) => b[f] === true))) {
      out.push({ address, rule: 'bucket-public-access-block', detail: `not all of ${flags.join(', ')} are true` });
    }
  }
}

function policies(tf: StackJson): Array<[string, Statement[]]> {
  const found: Array<[string, Statement[]]> = [];
  const add = (address: string, text: unknown) => {
    if (typeof text !== 'string') return;
    found.push([address, list(JSON.parse(text).Statement as Statement | Statement[])]);
  };
  for (const [address, block] of resourcesOfType(tf, 'aws_iam_role_policy')) add(address, block.policy);
  for (const [address, block] of resourcesOfType(tf, 'aws_iam_policy')) add(address, block.policy);
  for (const [address, block] of resourcesOfType(tf, 'aws_s3_bucket_policy')) add(address, block.policy);
  for (const [address, block] of resourcesOfType(tf, 'aws_sqs_queue_policy')) add(address, block.policy);
  for (const [address, block] of resourcesOfType(tf, 'aws_iam_role')) add(address, block.assume_role_policy);
  return found;
}

function checkIam(tf: StackJson, out: Violation[]): void {
  for (const [address, statements] of policies(tf)) {
    for (const [i, s] of statements.entries()) {
      // Deny statements may be broad on purpose (deny all S3 actions without TLS).
      if (s.Effect !== 'Allow') continue;
      const actions = list(s.Action);
      const wild = actions.filter((a) => a === '*' || /^[a-z0-9-]+:\*$/.test(a));
      if (wild.length) out.push({ address, rule: 'iam-no-wildcard-action', detail: `statement ${s.Sid ?? i} allows ${wild.join(', ')}` });
      if (list(s.Resource).includes('*') && !actions.every((a) => STAR_RESOURCE_ACTIONS.has(a))) {
        out.push({ address, rule: 'iam-no-wildcard-resource', detail: `statement ${s.Sid ?? i} allows ${actions.join(', ')} on *` });
      }
    }
  }
}

function checkPermissions(tf: StackJson, options: InvariantOptions, out: Violation[]): void {
  for (const [address, block] of resourcesOfType(tf, 'aws_lambda_permission')) {
    if (!block.source_arn) out.push({ address, rule: 'lambda-permission-source', detail: 'no source_arn' });
    const exempt = !options.hardened && PERMISSIONS_KEPT_FOR_PARITY.test(address);
    if (!block.source_account && !exempt) out.push({ address, rule: 'lambda-permission-source', detail: 'no source_account' });
  }
}

function checkQueues(tf: StackJson, out: Violation[]): void {
  for (const [address, block] of resourcesOfType(tf, 'aws_sqs_queue')) {
    if (block.sqs_managed_sse_enabled !== true && !block.kms_master_key_id) {
      out.push({ address, rule: 'sqs-encrypted', detail: 'neither SQS-managed SSE nor a KMS key' });
    }
  }
}

function checkSecrets(tf: StackJson, out: Violation[]): void {
  const variables = tf.variable ?? {};
  for (const [address, block] of resourcesOfType(tf, 'aws_lambda_function')) {
    const env = ((block.environment as Block | undefined)?.variables ?? {}) as Record<string, string>;
    for (const [name, value] of Object.entries(env)) {
      if (!SECRET_ENV.test(name)) continue;
      const variable = /^\$\{var\.([A-Za-z0-9_]+)\}$/.exec(value)?.[1];
      if (!variable || variables[variable]?.sensitive !== true) {
        out.push({ address, rule: 'secrets-sensitive', detail: `${name} is not a sensitive variable` });
      }
    }
  }
  for (const [name, variable] of Object.entries(variables)) {
    if (/secret|api_key|password|token/.test(name) && variable.sensitive !== true) {
      out.push({ address: `var.${name}`, rule: 'secrets-sensitive', detail: 'a secret-named variable is not sensitive' });
    }
  }
}

function checkEcr(tf: StackJson, options: InvariantOptions, out: Violation[]): void {
  for (const [address, block] of resourcesOfType(tf, 'aws_ecr_repository')) {
    const scanning = list(block.image_scanning_configuration as Block | Block[] | undefined);
    if (!scanning.some((s) => s.scan_on_push === true)) out.push({ address, rule: 'ecr-scan-on-push', detail: 'scan_on_push is not true' });
    if (options.immutableTags && block.image_tag_mutability !== 'IMMUTABLE') {
      out.push({ address, rule: 'ecr-immutable-tags', detail: `image_tag_mutability is ${String(block.image_tag_mutability)}` });
    }
  }
}

function checkHardenedBucketPolicy(tf: StackJson, options: InvariantOptions, out: Violation[]): void {
  if (!options.hardened) return;
  const address = 'aws_s3_bucket_policy.lambda_bucket_policy';
  const policy = policies(tf).find(([a]) => a === address);
  if (!policy) {
    out.push({ address, rule: 'hardened-bucket-policy', detail: 'missing' });
    return;
  }
  const statements = policy[1];
  const deniesPlainHttp = statements.some((s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false');
  if (!deniesPlainHttp) out.push({ address, rule: 'hardened-bucket-policy', detail: 'does not deny aws:SecureTransport = false' });
  const unlimited = statements.filter((s) => s.Effect === 'Allow' && !s.Condition?.StringEquals?.['aws:SourceAccount']);
  if (unlimited.length) out.push({ address, rule: 'hardened-bucket-policy', detail: 'an Allow statement has no aws:SourceAccount condition' });
}

const isTlsDeny = (s: Statement) =>
  s.Effect === 'Deny' && list(s.Action).some((a) => a === 's3:*' || a === '*') && s.Condition?.Bool?.['aws:SecureTransport'] === 'false';

function checkTlsOnly(tf: StackJson, options: InvariantOptions, out: Violation[]): void {
  const bucketPolicies = resourcesOfType(tf, 'aws_s3_bucket_policy');
  for (const [address] of resourcesOfType(tf, 'aws_s3_bucket')) {
    const ref = `\${${address}.id}`;
    const own = bucketPolicies.filter(([, block]) => block.bucket === ref);
    if (!options.hardened && own.some(([policy]) => BUCKET_POLICIES_KEPT_FOR_PARITY.has(policy))) continue;
    const statements = own.flatMap(([, block]) => (typeof block.policy === 'string' ? list(JSON.parse(block.policy).Statement as Statement | Statement[]) : []));
    if (!statements.some(isTlsDeny)) out.push({ address, rule: 'bucket-tls-only', detail: 'no bucket policy denies s3:* when aws:SecureTransport is false' });
  }
}

/** Every bucket Lambda code is deployed from keeps old zips for a while, not forever. */
function checkArtifactLifecycle(tf: StackJson, out: Violation[]): void {
  const codeBuckets = new Set(resourcesOfType(tf, 'aws_lambda_function').map(([, block]) => block.s3_bucket).filter((b): b is string => typeof b === 'string'));
  for (const [address] of resourcesOfType(tf, 'aws_s3_bucket')) {
    if (!codeBuckets.has(`\${${address}.id}`)) continue;
    const rules = forBucket(tf, 'aws_s3_bucket_lifecycle_configuration', address.split('.')[1]).flatMap((c) => list(c.rule as Block | Block[]));
    const expires = rules.some((r) => r.status === 'Enabled' && list(r.noncurrent_version_expiration as Block | Block[]).some((e) => Number(e.noncurrent_days) > 0));
    if (!expires) out.push({ address, rule: 'artifact-noncurrent-expiry', detail: 'no enabled lifecycle rule expires noncurrent versions of the Lambda zips' });
  }
}

function checkQueueAlarms(tf: StackJson, out: Violation[]): void {
  const alarms = resourcesOfType(tf, 'aws_cloudwatch_metric_alarm').map(([, block]) => block);
  for (const [address] of resourcesOfType(tf, 'aws_sqs_queue')) {
    const watched = alarms.some(
      (a) => a.namespace === 'AWS/SQS' && BACKLOG_METRICS.has(String(a.metric_name)) && (a.dimensions as Block | undefined)?.QueueName === `\${${address}.name}`,
    );
    if (!watched) out.push({ address, rule: 'queue-alarm', detail: 'no CloudWatch alarm on its visible messages or the age of its oldest message' });
  }
}

/** An asynchronously invoked function with no failure destination drops events after its retries: that must alarm. */
function checkDroppedEventAlarms(tf: StackJson, out: Violation[]): void {
  const alarms = resourcesOfType(tf, 'aws_cloudwatch_metric_alarm').map(([, block]) => block);
  for (const [address, block] of resourcesOfType(tf, 'aws_lambda_function_event_invoke_config')) {
    if (block.destination_config !== undefined) continue;
    const watched = alarms.some(
      (a) => a.namespace === 'AWS/Lambda' && a.metric_name === 'AsyncEventsDropped' && (a.dimensions as Block | undefined)?.FunctionName === block.function_name,
    );
    if (!watched) out.push({ address, rule: 'dropped-events-alarm', detail: 'no failure destination and no alarm on AsyncEventsDropped: a failed event would vanish unseen' });
  }
}

/**
 * A role several functions run on (the shared Wallenstam role) is not this stack's to
 * widen: a grant meant for one function would reach all of them.
 */
function checkSharedRoles(tf: StackJson, out: Violation[]): void {
  const users = new Map<string, number>();
  for (const [, block] of resourcesOfType(tf, 'aws_lambda_function')) {
    const role = typeof block.role === 'string' ? block.role.slice(block.role.lastIndexOf('/') + 1) : undefined;
    if (role && !role.startsWith('${')) users.set(role, (users.get(role) ?? 0) + 1);
  }
  for (const [address, block] of [...resourcesOfType(tf, 'aws_iam_role_policy'), ...resourcesOfType(tf, 'aws_iam_role_policy_attachment')]) {
    const role = String(block.role);
    const count = users.get(role) ?? 0;
    if (count > 1) out.push({ address, rule: 'shared-role-not-widened', detail: `grants to ${role}, the role of ${count} functions` });
  }
}

export function checkInvariants(tf: StackJson, options: InvariantOptions): Violation[] {
  const out: Violation[] = [];
  checkBuckets(tf, out);
  checkIam(tf, out);
  checkPermissions(tf, options, out);
  checkQueues(tf, out);
  checkSecrets(tf, out);
  checkEcr(tf, options, out);
  checkHardenedBucketPolicy(tf, options, out);
  checkTlsOnly(tf, options, out);
  checkArtifactLifecycle(tf, out);
  checkQueueAlarms(tf, out);
  checkDroppedEventAlarms(tf, out);
  checkSharedRoles(tf, out);
  return out;
}

export function formatViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.address}: [${v.rule}] ${v.detail}`).join('\n');
}
