import type { Construct } from 'constructs';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import type { PolicyDocument, PolicyStatement } from './policy-document';

/** Denies every request to the bucket and its objects not made over TLS (Security Hub S3.5). */
export function denyInsecureTransport(bucketArn: string): PolicyStatement {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

/** A bucket policy whose only statement is the TLS-only deny. */
export function tlsOnlyBucketPolicy(bucketArn: string): PolicyDocument {
  return { Version: '2012-10-17', Statement: [denyInsecureTransport(bucketArn)] };
}

/**
 * The bucket's policy, holding only the TLS-only deny, at `address`. A bucket has one
 * policy: use this only on a bucket that has none (the invoices bucket in s3.tf).
 */
export function requireTls(scope: Construct, id: string, bucket: S3Bucket, address: string): S3BucketPolicy {
  const policy = new S3BucketPolicy(scope, id, {
    bucket: bucket.id,
    // A JSON string (not jsonencode()) so the policy can be read back and compared structurally.
    policy: JSON.stringify(tlsOnlyBucketPolicy(bucket.arn)),
  });
  policy.overrideLogicalId(address);
  return policy;
}
