import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createAwsClients, type AwsClients } from '../../handlers/shared/clients';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-credentials';
import { createTables, DEFAULT_TABLE_NAMES, type TableNames } from './tables';

export interface ProvisionOptions {
  readonly s3Endpoint: string;
  readonly dynamodbEndpoint: string;
  readonly buckets: readonly string[];
  /** @default DEFAULT_TABLE_NAMES */
  readonly tables?: TableNames;
  /** @default LOCAL_REGION */
  readonly region?: string;
  /**
   * DynamoDB credentials: DynamoDB Local without a shared database keeps one database
   * per access key. (s3rver accepts only LOCAL_CREDENTIALS, which S3 always uses.)
   * @default LOCAL_CREDENTIALS
   */
  readonly dynamodbCredentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Attempts per call of the returned clients. @default SDK default */
  readonly maxAttempts?: number;
}

/** Clients for running loopback servers, with the buckets and the PayPulse tables created. */
export interface ProvisionedAws {
  /** What the handlers use. */
  readonly clients: AwsClients;
  /** A plain DynamoDB client on the same endpoint and credentials (table administration). */
  readonly dynamoClient: DynamoDBClient;
  /** Destroys the clients (the servers keep running). */
  destroy(): void;
}

/** Creates a bucket; one that already exists is left as it is. */
async function createBucket(s3: S3Client, bucket: string): Promise<void> {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (err) {
    if (!(err instanceof Error && /BucketAlready(OwnedByYou|Exists)/.test(err.name))) throw err;
  }
}

/** Creates clients for the two servers, then the buckets and tables; on failure the clients are destroyed. */
export async function provisionLocalAws(options: ProvisionOptions): Promise<ProvisionedAws> {
  const region = options.region ?? LOCAL_REGION;
  const credentials = { ...(options.dynamodbCredentials ?? LOCAL_CREDENTIALS) };
  const common = { region, ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}) };
  // Two client pairs because S3 and DynamoDB may need different credentials; each keeps one half.
  const forS3 = createAwsClients({ ...common, credentials: { ...LOCAL_CREDENTIALS }, s3Endpoint: options.s3Endpoint });
  const forDynamo = createAwsClients({ ...common, credentials, dynamodbEndpoint: options.dynamodbEndpoint });
  forS3.ddb.destroy();
  forDynamo.s3.destroy();
  const clients: AwsClients = { s3: forS3.s3, ddb: forDynamo.ddb };
  const dynamoClient = new DynamoDBClient({ region, credentials, endpoint: options.dynamodbEndpoint });
  const destroy = () => {
    clients.s3.destroy();
    clients.ddb.destroy();
    dynamoClient.destroy();
  };
  try {
    for (const bucket of options.buckets) await createBucket(clients.s3, bucket);
    await createTables(dynamoClient, options.tables ?? DEFAULT_TABLE_NAMES);
  } catch (err) {
    destroy();
    throw err;
  }
  return { clients, dynamoClient, destroy };
}
