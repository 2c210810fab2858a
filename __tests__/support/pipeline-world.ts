import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS } from '../../tools/local-aws/local-credentials';
import type { EventReport } from '../../tools/local/event-report';
import { startLocalPipeline, type LocalPipeline, type LocalPipelineOptions } from '../../tools/local/local-pipeline';
import { readStackJson, type StackJson } from '../../tools/stack-json/stack-json';
import { newSynthDir, synthesizeToWorkDir } from '../../tools/local/stack-source';
import { installPdfjsWorker } from './pdfjs-worker';
import { isolatedCredentials, isolationId, sharedEndpoints, waitForDynamoDb } from './shared-servers';

const tempDirs: string[] = [];
afterAll(() => tempDirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The stack as `cdktf synth` writes it, synthesized in-process into a temp dir (no build, no cdktf.out needed). */
export async function synthesizedStackPath(): Promise<string> {
  const dir = newSynthDir();
  tempDirs.push(dir);
  return synthesizeToWorkDir(dir);
}

/** Writes an edited copy of a synthesized stack and returns its path. */
export function editStack(path: string, edit: (tf: StackJson & Record<string, unknown>) => void): string {
  const tf = readStackJson(path) as StackJson & Record<string, unknown>;
  edit(tf);
  const dir = mkdtempSync(join(tmpdir(), 'paypulse-e2e-edited-'));
  tempDirs.push(dir);
  const out = join(dir, 'cdk.tf.json');
  writeFileSync(out, JSON.stringify(tf, null, 2));
  return out;
}

/** A running local pipeline and an S3 client of the kind a user uploads with. */
export interface PipelineWorld {
  readonly local: LocalPipeline;
  readonly uploader: S3Client;
  readonly bucket: string;
  upload(key: string, body: Buffer | string, contentType?: string): Promise<void>;
  /** Waits until every event so far is done and returns the reports for `key`. */
  reportsFor(key: string): Promise<EventReport[]>;
  items(table: string, userId: string): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

export async function startPipelineWorld(options: Partial<LocalPipelineOptions> = {}): Promise<PipelineWorld> {
  installPdfjsWorker();
  // The pipeline's s3rver is its own (its write events drive the pipeline); DynamoDB is the run's shared one, in a database of this world's own.
  const shared = sharedEndpoints();
  if (shared) await waitForDynamoDb(shared.dynamodbEndpoint);
  const dynamodb = shared ? { endpoint: shared.dynamodbEndpoint, credentials: isolatedCredentials(isolationId()) } : undefined;
  const local = await startLocalPipeline({ stack: options.stack ?? (await synthesizedStackPath()), ...(dynamodb ? { dynamodb } : {}), ...options });
  const uploader = new S3Client({ endpoint: local.s3Endpoint, region: local.stack.region, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
  const bucket = local.stack.routes[0].bucket;
  return {
    local,
    uploader,
    bucket,
    async upload(key, body, contentType) {
      await uploader.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
    },
    async reportsFor(key) {
      await local.pipeline.idle();
      return local.pipeline.reports.filter((r) => r.key === key);
    },
    async items(table, userId) {
      const out = await local.clients.ddb.send(
        new QueryCommand({ TableName: table, KeyConditionExpression: 'UserID = :u', ExpressionAttributeValues: { ':u': userId } }),
      );
      return out.Items ?? [];
    },
    async stop() {
      uploader.destroy();
      await local.stop();
    },
  };
}
