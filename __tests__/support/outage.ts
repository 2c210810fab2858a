import type { AwsClients } from '../../handlers/shared/clients';
import { openLocalAws } from './local-aws';
import { startOutageProxy, type OutageProxy } from './tcp-outage-proxy';

/**
 * s3rver + DynamoDB Local (the run's shared servers when jest started them), with
 * DynamoDB reached through a proxy that can take it down mid-run and bring it back on
 * the same port with the same data. Clients make one attempt per call, so an outage
 * surfaces at once instead of after SDK retries.
 */
export interface OutageWorld {
  readonly clients: AwsClients;
  readonly bucket: string;
  /** Takes DynamoDB Local down just before the `nth` call (1-based) of `commandName`, e.g. `PutItemCommand`. */
  stopDynamoBefore(commandName: string, nth: number): void;
  restartDynamo(): Promise<void>;
  stop(): Promise<void>;
}

export async function startOutageWorld(bucket = 'rental-invoices-bucket'): Promise<OutageWorld> {
  let proxy: OutageProxy | undefined;
  const aws = await openLocalAws({
    bucket,
    maxAttempts: 1,
    reachDynamoDb: async (port) => {
      proxy = await startOutageProxy(port);
      return proxy.endpoint;
    },
  });
  const dynamo = proxy as OutageProxy;

  let trigger: { commandName: string; nth: number; seen: number } | undefined;
  aws.clients.ddb.middlewareStack.add(
    (next, context) => async (args) => {
      if (trigger && context.commandName === trigger.commandName && ++trigger.seen === trigger.nth) {
        trigger = undefined;
        await dynamo.takeDown();
      }
      return next(args);
    },
    { step: 'initialize', name: 'stopDynamoMidRun' },
  );

  return {
    clients: aws.clients,
    bucket: aws.bucket,
    stopDynamoBefore(commandName, nth) {
      trigger = { commandName, nth, seen: 0 };
    },
    async restartDynamo() {
      if (dynamo.isUp()) throw new Error('DynamoDB Local is still running');
      await dynamo.bringUp();
    },
    async stop() {
      await aws.stop();
      await dynamo.stop();
    },
  };
}
