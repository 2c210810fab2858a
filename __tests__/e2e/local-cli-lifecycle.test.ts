import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAUNCHER_CACHE_PREFIX } from '../../tools/local-aws/dynamodb-launcher';
import { listeningSockets, processGone } from '../support/listening-sockets';
import { editStack, synthesizedStackPath } from '../support/pipeline-world';
import { launchCommand } from '../../app/launch-command';

const ROOT = join(__dirname, '..', '..');

const [node, ...launcher] = launchCommand('tools/local/cli.ts');

interface RunningCli {
  readonly cli: ChildProcess;
  readonly javaPid: number;
  readonly s3Port: number;
  readonly dynamoPort: number;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** One synth for the file's runs. */
let synthesized: Promise<string> | undefined;
const synthesizedStack = () => (synthesized ??= synthesizedStackPath());

/** `npm run local -- --stack <synthesized stack>` in a child process, once it says it is ready (npm run local's own synth is covered by local-cli.test.ts). */
async function startCli(): Promise<RunningCli> {
  const cli = spawn(node, [...launcher, '--stack', await synthesizedStack()], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => cli.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    cli.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!stderr.includes('ready;')) return;
      const javaPid = Number(/DynamoDB Local\s+\S+ \(pid (\d+)\)/.exec(stderr)?.[1]);
      const dynamoPort = Number(/DynamoDB Local\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr)?.[1]);
      const s3Port = Number(/S3 \(s3rver\)\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr)?.[1]);
      resolve({ cli, javaPid, s3Port, dynamoPort, stderr: () => stderr, exited });
    });
    void exited.then(({ code }) => reject(new Error(`npm run local exited with ${code} before it was ready:\n${stderr}`)));
  });
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !condition()) await new Promise((resolve) => setTimeout(resolve, 100));
  return condition();
}

/** Pids of running processes whose command line contains `text` (Linux /proc). */
function processesMentioning(text: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Kills a JVM the run under test left behind, so a failing test does not leak it. */
const reap = (pid: number) => processGone(pid) || process.kill(pid, 'SIGKILL');

describe('npm run local always stops its servers', () => {
  it.concurrent('listens on loopback only, and on SIGTERM stops both servers and exits 0', async () => {
    const run = await startCli();
    try {
      expect(Number.isInteger(run.javaPid)).toBe(true);
      for (const port of [run.s3Port, run.dynamoPort]) {
        const sockets = listeningSockets(port);
        expect(sockets.length).toBeGreaterThan(0);
        expect(sockets.filter((s) => !s.loopback)).toEqual([]);
      }
      run.cli.kill('SIGTERM');
      expect(await run.exited).toEqual({ code: 0, signal: null });
      expect(run.stderr()).toMatch(/SIGTERM: waiting for in-flight events, then stopping\.\.\.\nstopped/);
      expect(processGone(run.javaPid)).toBe(true);
      expect(listeningSockets(run.dynamoPort)).toEqual([]);
    } finally {
      reap(run.javaPid);
    }
  }, 120000);

  it.concurrent('leaves no DynamoDB Local JVM behind when the run is killed outright (SIGKILL)', async () => {
    const run = await startCli();
    try {
      run.cli.kill('SIGKILL');
      await run.exited;
      expect(await waitFor(() => processGone(run.javaPid), 15000)).toBe(true);
    } finally {
      reap(run.javaPid);
    }
  }, 120000);

  it.concurrent('a fatal error after DynamoDB Local started (a bucket s3rver rejects) exits 1 with one error line and leaves no JVM', async () => {
    const stack = editStack(await synthesizedStack(), (tf) => {
      (tf.variable as Record<string, { default?: string }>).invoices_bucket_name.default = 'Not_A_Valid_Bucket';
    });
    // A temp dir of its own: the launcher's class is kept there, so this run's JVM is told
    // apart by its command line. Seeded with the compiled class, so javac does not run again.
    const ownTmp = mkdtempSync(join(tmpdir(), 'paypulse-cli-fatal-'));
    for (const cached of readdirSync(tmpdir()).filter((name) => name.startsWith(LAUNCHER_CACHE_PREFIX) && !name.includes('staging'))) {
      cpSync(join(tmpdir(), cached), join(ownTmp, cached), { recursive: true });
    }
    try {
      const run = spawnSync(node, [...launcher, '--stack', stack], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 90000,
        env: { ...process.env, TMPDIR: ownTmp },
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^error: [A-Z_]+: .*bucket/im);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      const leftover = processesMentioning(ownTmp);
      leftover.forEach(reap);
      expect(leftover).toEqual([]);
    } finally {
      rmSync(ownTmp, { recursive: true, force: true });
    }
  }, 120000);
});
