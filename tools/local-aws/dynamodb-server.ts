import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { dynamoDbLaunch } from './dynamodb-launcher';
import { freePort } from './free-port';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-credentials';

/** A running DynamoDB Local (AWS's own implementation, on the machine's Java), listening on 127.0.0.1 only (see dynamodb-launcher.ts). */
export interface LocalDynamoDb {
  readonly endpoint: string;
  readonly port: number;
  /** False when DynamoDB Local had to be started without the loopback launcher (no `javac`) and listens on every interface. */
  readonly loopbackOnly: boolean;
  /** The JVM's process id. */
  readonly pid: number | undefined;
  /** Stops the Java process; data kept under `dataDir` survives. */
  stop(): Promise<void>;
}

export interface LocalDynamoDbOptions {
  /** Persist tables here. @default in memory */
  readonly dataDir?: string;
  /** @default a free port */
  readonly port?: number;
  /** How long to wait for the server to answer. @default 30000 */
  readonly startTimeoutMs?: number;
  /**
   * One database for every client. With `false`, each access key and region gets a
   * database of its own, so callers with different keys never see each other's tables.
   * @default true
   */
  readonly sharedDb?: boolean;
}

export class JavaMissingError extends Error {
  constructor(cause: unknown) {
    super('DynamoDB Local needs Java 17+ on the PATH (`java`). Install it, e.g. `apt-get install default-jre-headless`.', { cause });
    this.name = 'JavaMissingError';
  }
}

async function waitUntilReady(endpoint: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  // A probe that hangs (something else accepted on the port) must not outlast the JVM's own exit.
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1, requestHandler: { requestTimeout: 2000 } });
  const exited = new Promise<'exited'>((resolve) => child.once('exit', () => resolve('exited')));
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`DynamoDB Local exited with ${child.signalCode ?? `code ${child.exitCode}`}: ${output()}`);
      try {
        if ((await Promise.race([client.send(new ListTablesCommand({})), exited])) !== 'exited') return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms: ${output()}`);
  } finally {
    client.destroy();
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The JVM could not bind its port: another process took it between freePort() and the bind. */
class PortTakenError extends Error {}

/** Attempts with a fresh port when the port was chosen here and taken before the JVM bound it. */
const PORT_ATTEMPTS = 3;

export async function startLocalDynamoDb(options: LocalDynamoDbOptions = {}): Promise<LocalDynamoDb> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await startOnce(port, options);
    } catch (err) {
      if (!(err instanceof PortTakenError) || options.port !== undefined || attempt === PORT_ATTEMPTS) throw err;
    }
  }
}

async function startOnce(port: number, options: LocalDynamoDbOptions): Promise<LocalDynamoDb> {
  const launch = dynamoDbLaunch({ port, dataDir: options.dataDir, sharedDb: options.sharedDb });
  // stdin stays an open pipe: the launcher exits when it closes, i.e. when this process dies.
  const child = spawn(launch.command, launch.args, { cwd: launch.cwd, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-2000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-2000)));
  const spawnError = new Promise<never>((_, reject) => child.once('error', (err) => reject(new JavaMissingError(err))));
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([waitUntilReady(endpoint, child, options.startTimeoutMs ?? 30000, () => output), spawnError]);
  } catch (err) {
    await stopProcess(child);
    if (/BindException|Address already in use/.test(output)) throw new PortTakenError(`DynamoDB Local could not listen on 127.0.0.1:${port}: the port is in use`, { cause: err });
    throw err;
  }
  return { endpoint, port, loopbackOnly: launch.loopbackOnly, pid: child.pid, stop: () => stopProcess(child) };
}
