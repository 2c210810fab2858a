import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * AWS clients shared by the handlers. Created once per module (cold start) by the
 * Lambda entries; tests and the local pipeline pass their own, pointed at loopback
 * servers. The SDK itself honours AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL_DYNAMODB.
 */
export interface AwsClients {
  readonly s3: S3Client;
  readonly ddb: DynamoDBDocumentClient;
}

export interface AwsClientOptions {
  readonly region?: string;
  readonly s3Endpoint?: string;
  readonly dynamodbEndpoint?: string;
  /** Path-style S3 addressing, needed by local S3 servers. @default true when s3Endpoint is set */
  readonly forcePathStyle?: boolean;
  readonly credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Attempts per call, including the first. @default SDK default (3) */
  readonly maxAttempts?: number;
}

export function createAwsClients(options: AwsClientOptions = {}): AwsClients {
  const common = {
    region: options.region ?? process.env.AWS_REGION ?? process.env.REGION ?? 'eu-west-1',
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
  };
  const s3 = new S3Client({
    ...common,
    ...(options.s3Endpoint ? { endpoint: options.s3Endpoint } : {}),
    forcePathStyle: options.forcePathStyle ?? Boolean(options.s3Endpoint),
  });
  const dynamo = new DynamoDBClient({
    ...common,
    ...(options.dynamodbEndpoint ? { endpoint: options.dynamodbEndpoint } : {}),
  });
  const ddb = DynamoDBDocumentClient.from(dynamo, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { s3, ddb };
}
