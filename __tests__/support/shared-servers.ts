import { randomBytes } from 'node:crypto';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { LOCAL_REGION } from '../../tools/local-aws/local-credentials';

/**
 * The one DynamoDB Local and one s3rver that jest's global setup starts for the whole
 * run (see global-setup.ts). Workers find them through these environment variables.
 */
export const SHARED_ENV = {
  s3Endpoint: 'JEST_SHARED_S3_ENDPOINT',
  dynamodbEndpoint: 'JEST_SHARED_DYNAMODB_ENDPOINT',
} as const;

export interface SharedEndpoints {
  readonly s3Endpoint: string;
  readonly dynamodbEndpoint: string;
}

/** The shared servers' endpoints, or `undefined` when jest ran without the global setup. */
export function sharedEndpoints(): SharedEndpoints | undefined {
  const s3Endpoint = process.env[SHARED_ENV.s3Endpoint];
  const dynamodbEndpoint = process.env[SHARED_ENV.dynamodbEndpoint];
  return s3Endpoint && dynamodbEndpoint ? { s3Endpoint, dynamodbEndpoint } : undefined;
}

/**
 * A name no other caller in this run gets: `w<worker>-<random>`. Used as the DynamoDB
 * access key (the shared DynamoDB Local keeps one database per key) and as a bucket
 * suffix, so every world starts empty and parallel test files never meet.
 */
export function isolationId(): string {
  return `w${process.env.JEST_WORKER_ID ?? '0'}-${randomBytes(5).toString('hex')}`;
}

/** Credentials that select a database of their own in the shared DynamoDB Local. */
export function isolatedCredentials(id: string): { accessKeyId: string; secretAccessKey: string } {
  return { accessKeyId: `test${id.replace(/[^a-zA-Z0-9]/g, '')}`, secretAccessKey: 'local' };
}

/**
 * The global setup does not wait for the JVM, so the quick test files start at once;
 * the first storage test waits here instead.
 */
export async function waitForDynamoDb(endpoint: string, timeoutMs = 60_000): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: isolatedCredentials('ready'), maxAttempts: 1 });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch (err) {
        if (Date.now() > deadline) throw new Error(`the shared DynamoDB Local on ${endpoint} did not answer within ${timeoutMs} ms (started by __tests__/support/global-setup.ts)`, { cause: err });
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    client.destroy();
  }
}
