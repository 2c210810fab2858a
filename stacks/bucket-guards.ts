import type { Construct } from 'constructs';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';

/**
 * The per-bucket guard resources both buckets use, each created at its given HCL
 * address (`address` becomes the resource's logical id).
 */
export function enableVersioning(scope: Construct, id: string, bucket: S3Bucket, address: string): S3BucketVersioningA {
  const versioning = new S3BucketVersioningA(scope, id, { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } });
  versioning.overrideLogicalId(address);
  return versioning;
}

export function encryptWithAes256(scope: Construct, id: string, bucket: S3Bucket, address: string): S3BucketServerSideEncryptionConfigurationA {
  const encryption = new S3BucketServerSideEncryptionConfigurationA(scope, id, {
    bucket: bucket.id,
    rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
  });
  encryption.overrideLogicalId(address);
  return encryption;
}

export function blockPublicAccess(scope: Construct, id: string, bucket: S3Bucket, address: string): S3BucketPublicAccessBlock {
  const block = new S3BucketPublicAccessBlock(scope, id, {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  block.overrideLogicalId(address);
  return block;
}
