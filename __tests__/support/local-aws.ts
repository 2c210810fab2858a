import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AwsClients } from '../../handlers/shared/clients';
import { startLocalDynamoDb } from '../../tools/local-aws/dynamodb-server';
import { provisionLocalAws } from '../../tools/local-aws/provision';
import { startLocalS3 } from '../../tools/local-aws/s3-server';
import { isolatedCredentials, isolationId, sharedEndpoints, waitForDynamoDb } from './shared-servers';

/** s3rver + DynamoDB Local on 127.0.0.1, with the PayPulse tables and one bucket, for handler tests. */
export interface LocalAws {
  readonly s3Server: { readonly endpoint: string; readonly port: number };
  readonly dynamo: { readonly endpoint: string; readonly port: number };
  readonly clients: AwsClients;
  readonly dynamoClient: DynamoDBClient;
  /** On the run's shared s3rver: `<bucket>-<isolation id>`, so parallel test files never meet. */
  readonly bucket: string;
  stop(): Promise<void>;
}

interface Servers {
  readonly s3: { readonly endpoint: string; readonly port: number };
  readonly dynamo: { readonly endpoint: string; readonly port: number };
  readonly shared: boolean;
  stop(): Promise<void>;
}

const portOf = (endpoint: string) => Number(new URL(endpoint).port);

/** The run's shared servers (jest's global setup), or servers of this world's own without it. */
async function servers(): Promise<Servers> {
  const shared = sharedEndpoints();
  if (shared) {
    await waitForDynamoDb(shared.dynamodbEndpoint);
    const at = (endpoint: string) => ({ endpoint, port: portOf(endpoint) });
    return { s3: at(shared.s3Endpoint), dynamo: at(shared.dynamodbEndpoint), shared: true, stop: async () => undefined };
  }
  const [s3, dynamo] = await Promise.all([startLocalS3(), startLocalDynamoDb()]);
  return { s3, dynamo, shared: false, stop: async () => void (await Promise.all([s3.stop(), dynamo.stop()])) };
}

export interface LocalAwsOptions {
  /** @default 'rental-invoices-bucket' */
  readonly bucket?: string;
  /** Attempts per call of the world's clients. @default SDK default */
  readonly maxAttempts?: number;
  /** Reach DynamoDB Local through another endpoint (e.g. a proxy), given its port. @default directly */
  readonly reachDynamoDb?: (port: number) => Promise<string>;
}

/**
 * An empty world: the PayPulse tables in a DynamoDB database of its own (the shared
 * DynamoDB Local keeps one per access key) and one bucket.
 */
export async function openLocalAws(options: LocalAwsOptions = {}): Promise<LocalAws> {
  const running = await servers();
  const id = isolationId();
  const bucket = options.bucket ?? 'rental-invoices-bucket';
  const worldBucket = running.shared ? `${bucket}-${id}` : bucket;
  const dynamodbEndpoint = options.reachDynamoDb ? await options.reachDynamoDb(running.dynamo.port) : running.dynamo.endpoint;
  const provisioned = await provisionLocalAws({
    s3Endpoint: running.s3.endpoint,
    dynamodbEndpoint,
    buckets: [worldBucket],
    dynamodbCredentials: isolatedCredentials(id),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
  });
  return {
    s3Server: running.s3,
    dynamo: running.dynamo,
    clients: provisioned.clients,
    dynamoClient: provisioned.dynamoClient,
    bucket: worldBucket,
    async stop() {
      provisioned.destroy();
      await running.stop();
    },
  };
}

/** `openLocalAws` with one bucket, the signature handler tests were written against. */
export function startLocalAws(bucket = 'rental-invoices-bucket'): Promise<LocalAws> {
  return openLocalAws({ bucket });
}
