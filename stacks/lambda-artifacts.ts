import { Construct } from 'constructs';
import { AssetType, TerraformAsset } from 'cdktf';
import { DataAwsS3Object } from '@cdktf/provider-aws/lib/data-aws-s3-object';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import type { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import type { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import type { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import type { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { S3Object } from '@cdktf/provider-aws/lib/s3-object';
import type { BuiltZip } from './bundles';
import { blockPublicAccess, enableVersioning, encryptWithAes256 } from './bucket-guards';
import { expireNoncurrentVersions, type NoncurrentVersionRetention } from './lambda-bucket-lifecycle';
import { lambdaBucketPolicy } from './lambda-bucket-policy';
import { artifactKey } from '../contract/artifacts';

export interface LambdaArtifactsProps {
  /** The bucket name (the `lambda_functions_bucket_name` variable). */
  readonly bucketName: string;
  readonly accountId: string;
  /** @default false */
  readonly hardenedPolicy?: boolean;
  /** How long previous zip versions are kept (config `lambdaZipNoncurrentVersionsKept`, `lambdaZipNoncurrentDays`). */
  readonly noncurrentVersions: NoncurrentVersionRetention;
}

/** Where a zip-deployed function's code lives: a versioned object in the lambda bucket. */
export interface ZipArtifact {
  readonly s3Bucket: string;
  readonly s3Key: string;
  readonly s3ObjectVersion: string;
}

/**
 * The lambda bucket family of s3.tf (bucket, versioning, policy) and the zip
 * artifacts in it. Versioning drives deployment: a new object version changes a
 * function's `s3_object_version`, and that updates the function.
 */
export class LambdaArtifacts extends Construct {
  readonly bucket: S3Bucket;
  readonly versioning: S3BucketVersioningA;
  readonly policy: S3BucketPolicy;
  readonly encryption: S3BucketServerSideEncryptionConfigurationA;
  readonly publicAccessBlock: S3BucketPublicAccessBlock;
  readonly lifecycle: S3BucketLifecycleConfiguration;

  constructor(scope: Construct, id: string, props: LambdaArtifactsProps) {
    super(scope, id);

    this.bucket = new S3Bucket(this, 'bucket', { bucket: props.bucketName });
    this.bucket.overrideLogicalId('lambda_bucket');

    this.versioning = enableVersioning(this, 'versioning', this.bucket, 'lambda_bucket_versioning');

    const document = lambdaBucketPolicy({
      bucketArn: this.bucket.arn,
      accountId: props.accountId,
      hardened: props.hardenedPolicy ?? false,
    });
    this.policy = new S3BucketPolicy(this, 'policy', {
      bucket: this.bucket.id,
      // A JSON string (not jsonencode()) so the policy can be read back and compared structurally.
      policy: JSON.stringify(document),
    });
    this.policy.overrideLogicalId('lambda_bucket_policy');

    // Not in s3.tf: added (never changed) so the artifact bucket has the invoices bucket's guarantees.
    this.encryption = encryptWithAes256(this, 'encryption', this.bucket, 'lambda_bucket');
    this.publicAccessBlock = blockPublicAccess(this, 'public-access-block', this.bucket, 'lambda_bucket');
    this.lifecycle = expireNoncurrentVersions(this, 'lifecycle', this.bucket, this.versioning, props.noncurrentVersions, 'lambda_bucket');
  }

  /**
   * A zip built elsewhere: `data "aws_s3_object" "<fn>_zip"` reads the current version
   * of `<fn>.zip`, as the existing configuration does.
   */
  externalZip(functionName: string): ZipArtifact {
    const key = artifactKey(functionName);
    const object = new DataAwsS3Object(this, `${functionName}-zip-data`, { bucket: this.bucket.id, key });
    object.overrideLogicalId(`${functionName}_zip`);
    return { s3Bucket: this.bucket.id, s3Key: key, s3ObjectVersion: object.versionId };
  }

  /**
   * A zip built from handlers/ and uploaded by this stack. The asset copies it into
   * the synth output under its content hash; `source_hash` changes with the content,
   * so a new bundle makes a new object version, and the function follows it.
   */
  managedZip(functionName: string, zip: BuiltZip): ZipArtifact {
    const key = artifactKey(functionName);
    const asset = new TerraformAsset(this, `${functionName}-asset`, { path: zip.path, type: AssetType.FILE, assetHash: zip.sha256 });
    const object = new S3Object(this, `${functionName}-zip`, {
      bucket: this.bucket.id,
      key,
      source: asset.path,
      sourceHash: zip.sha256,
      contentType: 'application/zip',
      // The version only exists once versioning is on.
      dependsOn: [this.versioning],
    });
    object.overrideLogicalId(`${functionName}_zip`);
    return { s3Bucket: this.bucket.id, s3Key: key, s3ObjectVersion: object.versionId };
  }
}
