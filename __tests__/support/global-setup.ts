import { launcher } from './launcher';
import { buildHandlers } from '../../tools/build/build-handlers';
import { startLocalDynamoDb, type LocalDynamoDb } from '../../tools/local-aws/dynamodb-server';
import { freePort } from '../../tools/local-aws/free-port';
import { startLocalS3 } from '../../tools/local-aws/s3-server';
import { SHARED_ENV } from './shared-servers';

/**
 * Runs once before any test file (jest `globalSetup`). Each step may return a stop
 * function, which global-teardown.ts calls in reverse order. To add a step (e.g. one
 * `terraform init` per run), append it to SETUP_STEPS.
 */
export type SetupStep = () => Promise<(() => Promise<void>) | undefined>;

/** One s3rver for the run; workers reach it through JEST_SHARED_S3_ENDPOINT. */
const sharedS3: SetupStep = async () => {
  const s3 = await startLocalS3();
  process.env[SHARED_ENV.s3Endpoint] = s3.endpoint;
  return () => s3.stop();
};

/**
 * One DynamoDB Local for the run, without a shared database: each access key gets its
 * own tables, which is how test files are isolated. The JVM takes seconds to start;
 * this step does not wait for it (tests that need it wait in shared-servers.ts).
 */
const sharedDynamoDb: SetupStep = async () => {
  const port = await freePort();
  process.env[SHARED_ENV.dynamodbEndpoint] = `http://127.0.0.1:${port}`;
  const started: Promise<LocalDynamoDb | undefined> = startLocalDynamoDb({ port, sharedDb: false, startTimeoutMs: 120_000 }).catch((err: unknown) => {
    process.stderr.write(`global setup: DynamoDB Local did not start: ${err instanceof Error ? err.message : String(err)}\n`);
    return undefined;
  });
  return async () => {
    await (await started)?.stop();
  };
};

/** The handler bundles, built once (incrementally, by content hash) into dist/ for the tests that load them. */
const handlerBundles: SetupStep = async () => {
  await buildHandlers({ log: () => undefined });
  return undefined;
};

/**
 * The launcher bundles of every npm script (app/launch.cjs), built once here: the
 * tests that run a command as a child process would otherwise all build the same
 * bundle at once on a fresh checkout.
 */
const launcherBundles: SetupStep = async () => {
  await Promise.all(launcher.scriptEntries().map(({ entry, options }) => launcher.ensureBundle(entry, options)));
  return undefined;
};

export const SETUP_STEPS: readonly SetupStep[] = [sharedS3, sharedDynamoDb, handlerBundles, launcherBundles];

const STOPS_KEY = '__paypulseTestStops';

export type GlobalWithStops = typeof globalThis & { [STOPS_KEY]?: Array<() => Promise<void>> };

export function registeredStops(): Array<() => Promise<void>> {
  const g = globalThis as GlobalWithStops;
  g[STOPS_KEY] ??= [];
  return g[STOPS_KEY];
}

export default async function globalSetup(): Promise<void> {
  const stops = registeredStops();
  for (const step of SETUP_STEPS) {
    const stop = await step();
    if (stop) stops.push(stop);
  }
}
