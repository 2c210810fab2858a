import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwsClients } from '../../handlers/shared/clients';
import type { Logger } from '../../handlers/shared/logger';
import { startLocalDynamoDb, type LocalDynamoDb } from '../local-aws/dynamodb-server';
import { LOCAL_REGION } from '../local-aws/local-credentials';
import { provisionLocalAws, type ProvisionedAws } from '../local-aws/provision';
import { startLocalS3, type LocalS3Server } from '../local-aws/s3-server';
import type { TableNames } from '../local-aws/tables';
import type { EventReport } from './event-report';
import { sourceHandlers, type HandlerLoader } from './handler-registry';
import { createPipeline, type Pipeline } from './pipeline';
import { overlappingRoutes } from './router';
import { readStackJson, StackJsonError, type StackJson } from '../stack-json/stack-json';
import { readStackModel, type StackModel } from './stack-model';
import { tableNamesFromStack } from './table-names';

export interface LocalPipelineOptions {
  /** The synthesized stack: a cdk.tf.json path, or its parsed content. */
  readonly stack: string | StackJson;
  /** Keep S3 objects and DynamoDB tables under `<dataDir>/s3` and `<dataDir>/dynamodb`. @default S3 in a temp dir removed on stop, DynamoDB in memory */
  readonly dataDir?: string;
  /** @default 4 */
  readonly concurrency?: number;
  /** @default the handler sources under handlers/ */
  readonly loadHandler?: HandlerLoader;
  readonly handlerLogger?: (functionName: string) => Logger;
  readonly onReport?: (report: EventReport) => void;
  /** An already running DynamoDB Local to use instead of starting one (tests share one per run); left running on stop. */
  readonly dynamodb?: { readonly endpoint: string; readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string } };
}

/** s3rver + DynamoDB Local with the stack's buckets and the handlers' tables, and the pipeline between them. */
export interface LocalPipeline {
  readonly stack: StackModel;
  readonly tables: TableNames;
  readonly s3Endpoint: string;
  readonly dynamodbEndpoint: string;
  /** The DynamoDB Local JVM, and whether it listens on 127.0.0.1 only. */
  readonly dynamodb: Pick<LocalDynamoDb, 'pid' | 'loopbackOnly'>;
  readonly dataDir: string;
  /** Clients for the loopback servers (the handlers use the same ones). */
  readonly clients: AwsClients;
  readonly pipeline: Pipeline;
  /** Waits for in-flight events, then stops both servers. */
  stop(): Promise<void>;
}

function loadStack(stack: string | StackJson, region: string): StackModel {
  const model = readStackModel(typeof stack === 'string' ? readStackJson(stack) : stack, region);
  const overlaps = overlappingRoutes(model.routes);
  if (overlaps.length > 0) {
    const [a, b] = overlaps[0];
    throw new StackJsonError(
      `S3 would reject this notification configuration: ${a.functionName} (${a.prefix}*${a.suffix}) and ${b.functionName} (${b.prefix}*${b.suffix}) overlap on ${a.bucket}`,
    );
  }
  return model;
}

export async function startLocalPipeline(options: LocalPipelineOptions): Promise<LocalPipeline> {
  const stack = loadStack(options.stack, LOCAL_REGION);
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'paypulse-local-'));
  const [s3Started, dynamoStarted] = await Promise.allSettled([
    startLocalS3({ directory: join(dataDir, 's3') }),
    options.dynamodb ? Promise.resolve(undefined) : startLocalDynamoDb(ownDir ? {} : { dataDir: join(dataDir, 'dynamodb') }),
  ]);
  const running = [s3Started, dynamoStarted].flatMap((r) => (r.status === 'fulfilled' && r.value ? [r.value] : []));
  const stopServers = async () => {
    await Promise.all(running.map((server) => server.stop()));
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
  };
  if (s3Started.status === 'rejected' || dynamoStarted.status === 'rejected') {
    // Whichever server did start must not outlive the failure.
    await stopServers();
    throw s3Started.status === 'rejected' ? s3Started.reason : dynamoStarted.status === 'rejected' ? dynamoStarted.reason : undefined;
  }
  const s3Server: LocalS3Server = s3Started.value;
  const ownDynamo = dynamoStarted.value as LocalDynamoDb | undefined;
  const dynamodbEndpoint = options.dynamodb?.endpoint ?? (ownDynamo as LocalDynamoDb).endpoint;
  const tables = tableNamesFromStack(stack);
  let provisioned: ProvisionedAws;
  try {
    provisioned = await provisionLocalAws({
      s3Endpoint: s3Server.endpoint,
      dynamodbEndpoint,
      buckets: stack.buckets,
      tables,
      region: stack.region,
      ...(options.dynamodb ? { dynamodbCredentials: options.dynamodb.credentials } : {}),
    });
  } catch (err) {
    await stopServers();
    throw err;
  }
  const { clients } = provisioned;
  const pipeline = createPipeline({
    stack,
    clients,
    loadHandler: options.loadHandler ?? sourceHandlers(),
    concurrency: options.concurrency,
    handlerLogger: options.handlerLogger,
    onReport: options.onReport,
  });
  const detach = pipeline.attach(s3Server.server);
  return {
    stack,
    tables,
    s3Endpoint: s3Server.endpoint,
    dynamodbEndpoint,
    // A DynamoDB Local passed in (tests' shared server) is the caller's to describe.
    dynamodb: { pid: ownDynamo?.pid, loopbackOnly: ownDynamo?.loopbackOnly ?? true },
    dataDir,
    clients,
    pipeline,
    async stop() {
      detach();
      await pipeline.idle();
      provisioned.destroy();
      await stopServers();
    },
  };
}
