import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createAwsClients, type AwsClients } from '../../handlers/shared/clients';
import { startLocalDynamoDb, type LocalDynamoDb } from '../../tools/local-aws/dynamodb-server';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../tools/local-aws/local-credentials';
import { startLocalS3 } from '../../tools/local-aws/s3-server';
import { createTables } from '../../tools/local-aws/tables';

/**
 * s3rver + a DynamoDB Local of its own, persisted to a data dir so it can be
 * stopped mid-run and restarted on the same port with the same data. Clients make
 * one attempt per call, so an outage surfaces at once instead of after SDK retries.
 */
export interface OutageWorld {
  readonly clients: AwsClients;
  readonly bucket: string;
  /** Stops DynamoDB Local just before the `nth` call (1-based) of `commandName`, e.g. `PutItemCommand`. */
  stopDynamoBefore(commandName: string, nth: number): void;
  restartDynamo(): Promise<void>;
  stop(): Promise<void>;
}

export async function startOutageWorld(bucket = 'rental-invoices-bucket'): Promise<OutageWorld> {
  const dataDir = mkdtempSync(join(tmpdir(), 'paypulse-ddb-'));
  const [s3Server, first] = await Promise.all([startLocalS3(), startLocalDynamoDb({ dataDir })]);
  let dynamo: LocalDynamoDb | undefined = first;
  const { port, endpoint } = first;
  const clients = createAwsClients({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, s3Endpoint: s3Server.endpoint, dynamodbEndpoint: endpoint, maxAttempts: 1 });
  const admin = new DynamoDBClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint });
  await clients.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await createTables(admin);
  admin.destroy();

  let trigger: { commandName: string; nth: number; seen: number } | undefined;
  clients.ddb.middlewareStack.add(
    (next, context) => async (args) => {
      if (trigger && context.commandName === trigger.commandName && ++trigger.seen === trigger.nth) {
        trigger = undefined;
        await dynamo?.stop();
        dynamo = undefined;
      }
      return next(args);
    },
    { step: 'initialize', name: 'stopDynamoMidRun' },
  );

  return {
    clients,
    bucket,
    stopDynamoBefore(commandName, nth) {
      trigger = { commandName, nth, seen: 0 };
    },
    async restartDynamo() {
      if (dynamo) throw new Error('DynamoDB Local is still running');
      dynamo = await startLocalDynamoDb({ port, dataDir });
    },
    async stop() {
      clients.s3.destroy();
      clients.ddb.destroy();
      await Promise.all([s3Server.stop(), dynamo?.stop()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
