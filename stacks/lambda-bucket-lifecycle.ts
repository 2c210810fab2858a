import type { Construct } from 'constructs';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import type { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';

export interface NoncurrentVersionRetention {
  /** Noncurrent versions always kept, newest first: the rollback targets (S3 allows 1-100). */
  readonly kept: number;
  /** A noncurrent version beyond `kept` expires this many days after it stopped being current. */
  readonly days: number;
}

/** Incomplete multipart uploads of zips are aborted after this many days. */
const ABORT_INCOMPLETE_UPLOADS_DAYS = 7;

/**
 * The lambda bucket's lifecycle: every deploy leaves the previous zip as a noncurrent
 * version, kept forever without a rule (CKV2_AWS_61). A noncurrent version expires once
 * it is older than `days` and `kept` newer noncurrent versions exist, so the last
 * `kept` deploys stay available for a rollback however old they are. The current
 * version, which functions run, is never touched.
 */
export function expireNoncurrentVersions(
  scope: Construct,
  id: string,
  bucket: S3Bucket,
  versioning: S3BucketVersioningA,
  retention: NoncurrentVersionRetention,
  address: string,
): S3BucketLifecycleConfiguration {
  const lifecycle = new S3BucketLifecycleConfiguration(scope, id, {
    bucket: bucket.id,
    rule: [
      {
        id: 'expire-noncurrent-zips',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        noncurrentVersionExpiration: [{ noncurrentDays: retention.days, newerNoncurrentVersions: retention.kept }],
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: ABORT_INCOMPLETE_UPLOADS_DAYS }],
      },
    ],
    // S3 keeps noncurrent versions only once versioning is on.
    dependsOn: [versioning],
  });
  lifecycle.overrideLogicalId(address);
  return lifecycle;
}
