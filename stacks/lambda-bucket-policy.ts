/**
 * The lambda bucket policy document. The default is semantically identical to the
 * existing one (one Allow for the Lambda service principal to read every artifact),
 * so a migration plans no change. The hardened form limits reads to this account's
 * Lambda service and denies any request not made over TLS.
 */
import type { PolicyDocument, PolicyStatement } from './policy-document';
import { denyInsecureTransport } from './tls-only-policy';

export interface LambdaBucketPolicyInput {
  readonly bucketArn: string;
  readonly accountId: string;
  readonly hardened: boolean;
}


export function lambdaBucketPolicy({ bucketArn, accountId, hardened }: LambdaBucketPolicyInput): PolicyDocument {
  const allowLambdaRead: PolicyStatement = {
    Effect: 'Allow',
    Principal: { Service: 'lambda.amazonaws.com' },
    Action: 's3:GetObject',
    Resource: `${bucketArn}/*`,
  };
  if (!hardened) return { Version: '2012-10-17', Statement: [allowLambdaRead] };
  return {
    Version: '2012-10-17',
    Statement: [
      { ...allowLambdaRead, Condition: { StringEquals: { 'aws:SourceAccount': accountId } } },
      denyInsecureTransport(bucketArn),
    ],
  };
}
