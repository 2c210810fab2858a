import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { BASE_FIXTURE, hyresaviPdf } from '../fixtures/hyresavi-pdf';
import { REPO_ROOT } from '../build/paths';
import { startLocalDynamoDb } from '../local-aws/dynamodb-server';
import { HANDLER_ENV, type HandlerName } from '../local-aws/handler-env';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local-aws/local-credentials';
import { provisionLocalAws } from '../local-aws/provision';
import { startLocalS3 } from '../local-aws/s3-server';
import { buildS3Event } from '../local/s3-notification';
import { timeCommand } from './child-process';
import { copyBundlesToTaskDirs } from './lambda-task-dir';
import { figure, type BenchFigure } from './measure';

const BUCKET = 'rental-invoices-bucket';
const RUNS = 5;

const UPLOADS: Record<HandlerName, { key: string; body: () => Promise<Buffer> }> = {
  parse_invoice: { key: 'invoices/bench-user/rental/Hyresavi_1297534008.pdf', body: () => hyresaviPdf(BASE_FIXTURE) },
  parse_retail_invoice: {
    key: 'invoices/bench-user/retail/food-delivery/foodbolt_2025-03-14_1a2b3c06.html',
    body: async () => readFileSync(join(REPO_ROOT, '__tests__', 'fixtures', 'parse-retail-invoice', 'foodbolt.html')),
  },
};

/**
 * Run in a fresh node: require the production bundle, then invoke its exported
 * `handler` twice on the same event, against real loopback servers (the SDK reads
 * AWS_ENDPOINT_URL_*; an IP endpoint makes S3 path-style). Prints the three times.
 */
const CHILD = `
const now = () => Number(process.hrtime.bigint()) / 1e6;
const t0 = now();
const { handler } = require(process.env.BENCH_BUNDLE);
const t1 = now();
const event = JSON.parse(process.env.BENCH_EVENT);
handler(event).then(async (first) => {
  const t2 = now();
  const second = await handler(event);
  const t3 = now();
  console.log(JSON.stringify({ requireMs: t1 - t0, firstMs: t2 - t1, secondMs: t3 - t2, status: [first.statusCode, second.statusCode] }));
  process.exit(0);
}, (err) => { console.error(err); process.exit(1); });
`;

interface ChildTimes {
  readonly requireMs: number;
  readonly firstMs: number;
  readonly secondMs: number;
  readonly status: [number, number];
}

/**
 * The first event's extra cost next to module init: what lazy loading (pdf.js,
 * htmlparser2, the SDK's first request) leaves for the first invocation. Reported as
 * the first invocation's time, and its excess over the second (warm) one.
 */
export async function benchFirstInvocation(): Promise<BenchFigure[]> {
  const taskDirs = copyBundlesToTaskDirs();
  try {
    return await firstInvocations(taskDirs.bundles as Partial<Record<HandlerName, string>>);
  } finally {
    taskDirs.remove();
  }
}

/** First and second invocation of each bundle (path by function name) in fresh node processes. */
async function firstInvocations(bundles: Partial<Record<HandlerName, string>>): Promise<BenchFigure[]> {
  const [s3, dynamo] = await Promise.all([startLocalS3(), startLocalDynamoDb()]);
  const aws = await provisionLocalAws({ s3Endpoint: s3.endpoint, dynamodbEndpoint: dynamo.endpoint, buckets: [BUCKET] });
  try {
    const figures: BenchFigure[] = [];
    for (const [name, bundle] of Object.entries(bundles) as Array<[HandlerName, string]>) {
      const upload = UPLOADS[name];
      if (!upload) continue;
      const body = await upload.body();
      await aws.clients.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: upload.key, Body: body }));
      const env = {
        ...process.env,
        ...HANDLER_ENV[name],
        AWS_REGION: LOCAL_REGION,
        AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
        AWS_ENDPOINT_URL_S3: s3.endpoint,
        AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
        // Lambda runs Node 22, where the SDK has no Node-version warning to print.
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        BENCH_BUNDLE: bundle,
        BENCH_EVENT: JSON.stringify(buildS3Event({ bucket: BUCKET, key: upload.key, size: body.length }, { region: LOCAL_REGION, configurationId: 'bench' })),
      };
      const runs: ChildTimes[] = [];
      for (let i = 0; i < RUNS; i++) {
        const run = await timeCommand(process.execPath, ['-e', CHILD], { env });
        const line = run.output.trim().split('\n').pop() ?? '';
        if (run.code !== 0 || !line.startsWith('{')) throw new Error(`${name} first-invocation run failed (exit ${run.code}):\n${run.output}`);
        const times = JSON.parse(line) as ChildTimes;
        if (times.status.some((s) => s !== 200)) throw new Error(`${name} answered ${times.status.join(', ')} instead of 200: ${run.output}`);
        runs.push(times);
      }
      figures.push(
        figure(`${name} require bundle (in process)`, 'ms', runs.map((r) => r.requireMs)),
        figure(`${name} first invocation`, 'ms', runs.map((r) => r.firstMs)),
        figure(`${name} first invocation extra (first - second)`, 'ms', runs.map((r) => r.firstMs - r.secondMs)),
      );
    }
    return figures;
  } finally {
    aws.destroy();
    await Promise.all([s3.stop(), dynamo.stop()]);
  }
}
