import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createAwsClients, type AwsClients } from '../../handlers/shared/clients';
import { startLocalDynamoDb, type LocalDynamoDb } from '../../tools/local-aws/dynamodb-server';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../tools/local-aws/local-credentials';
import { startLocalS3, type LocalS3Server } from '../../tools/local-aws/s3-server';
import { createTables, DEFAULT_TABLE_NAMES } from '../../tools/local-aws/tables';

/** s3rver + DynamoDB Local on 127.0.0.1, with the PayPulse tables and one bucket, for handler tests. */
export interface LocalAws {
  readonly s3Server: LocalS3Server;
  readonly dynamo: LocalDynamoDb;
  readonly clients: AwsClients;
  readonly dynamoClient: DynamoDBClient;
  readonly bucket: string;
  stop(): Promise<void>;
}

export async function startLocalAws(bucket = 'rental-invoices-bucket'): Promise<LocalAws> {
  const [s3Server, dynamo] = await Promise.all([startLocalS3(), startLocalDynamoDb()]);
  const clients = createAwsClients({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    s3Endpoint: s3Server.endpoint,
    dynamodbEndpoint: dynamo.endpoint,
  });
  const dynamoClient = new DynamoDBClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: dynamo.endpoint });
  await clients.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await createTables(dynamoClient, DEFAULT_TABLE_NAMES);
  return {
    s3Server,
    dynamo,
    clients,
    dynamoClient,
    bucket,
    async stop() {
      clients.s3.destroy();
      clients.ddb.destroy();
      dynamoClient.destroy();
      await Promise.all([s3Server.stop(), dynamo.stop()]);
    },
  };
}
