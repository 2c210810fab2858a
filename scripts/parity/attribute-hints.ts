import type { Val } from './model';

/**
 * What the comparison needs to know about a resource type beyond its configuration,
 * for the attributes a configuration leaves out. Types not listed here get only
 * their configured attributes compared: an attribute the stack does not set is
 * then assumed to be computed or defaulted by the provider.
 */
export interface TypeHints {
  /** The provider's default when the attribute is not configured. */
  readonly defaults?: Readonly<Record<string, Val>>;
  /** Optional attributes without a default: not configured means Terraform removes the value. */
  readonly optional?: readonly string[];
  /** Paths (dotted, without indexes) of set-typed lists, compared regardless of order. */
  readonly sets?: readonly string[];
  /** Attributes that always equal another configured attribute (`id` of a bucket is its name). */
  readonly aliases?: Readonly<Record<string, string>>;
  /**
   * How the provider builds the computed `arn` from configured attributes: `{partition}`,
   * `{region}` and `{account}` are the deployment's, `{attr}` a configured attribute.
   */
  readonly arn?: string;
}

/** AWS provider 5.x schemas of the types this stack manages or is likely to. */
export const TYPE_HINTS: Readonly<Record<string, TypeHints>> = {
  aws_lambda_function: {
    defaults: { memory_size: 128, timeout: 3, package_type: 'Zip', publish: false, reserved_concurrent_executions: -1, skip_destroy: false },
    optional: [
      'code_signing_config_arn',
      'dead_letter_config',
      'description',
      'environment',
      'file_system_config',
      'filename',
      'handler',
      'image_config',
      'image_uri',
      'kms_key_arn',
      'layers',
      'runtime',
      's3_bucket',
      's3_key',
      's3_object_version',
      'tags',
      'vpc_config',
    ],
    sets: ['architectures'],
    aliases: { id: 'function_name' },
    arn: 'arn:{partition}:lambda:{region}:{account}:function:{function_name}',
  },
  aws_lambda_permission: {
    optional: ['event_source_token', 'function_url_auth_type', 'principal_org_id', 'qualifier', 'source_account', 'source_arn'],
  },
  aws_s3_bucket: { defaults: { force_destroy: false }, optional: ['tags'], aliases: { id: 'bucket' }, arn: 'arn:{partition}:s3:::{bucket}' },
  aws_iam_role: { aliases: { id: 'name' }, arn: 'arn:{partition}:iam::{account}:role/{name}' },
  aws_sqs_queue: { arn: 'arn:{partition}:sqs:{region}:{account}:{name}' },
  aws_sns_topic: { arn: 'arn:{partition}:sns:{region}:{account}:{name}' },
  aws_dynamodb_table: { aliases: { id: 'name' }, arn: 'arn:{partition}:dynamodb:{region}:{account}:table/{name}' },
  aws_s3_bucket_notification: {
    defaults: { eventbridge: false },
    optional: ['lambda_function', 'queue', 'topic'],
    sets: ['lambda_function.events', 'queue.events', 'topic.events'],
    aliases: { id: 'bucket' },
  },
  aws_s3_bucket_policy: { aliases: { id: 'bucket' } },
  aws_s3_bucket_public_access_block: {
    defaults: { block_public_acls: false, block_public_policy: false, ignore_public_acls: false, restrict_public_buckets: false },
    aliases: { id: 'bucket' },
  },
  aws_s3_bucket_server_side_encryption_configuration: { optional: ['expected_bucket_owner'], aliases: { id: 'bucket' } },
  aws_s3_bucket_versioning: { optional: ['expected_bucket_owner', 'mfa'], aliases: { id: 'bucket' } },
  aws_s3_object: {
    defaults: { force_destroy: false },
    optional: ['cache_control', 'content', 'content_base64', 'content_disposition', 'content_encoding', 'content_language', 'metadata', 'source', 'tags', 'website_redirect'],
    aliases: { id: 'key' },
  },
  aws_ecr_repository: {
    defaults: { image_tag_mutability: 'MUTABLE', force_delete: false },
    optional: ['tags'],
    aliases: { id: 'name' },
    arn: 'arn:{partition}:ecr:{region}:{account}:repository/{name}',
  },
};

export function hintsFor(type: string): TypeHints {
  return TYPE_HINTS[type] ?? {};
}
