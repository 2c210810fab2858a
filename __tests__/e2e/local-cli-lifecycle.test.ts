import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { listeningSockets, processGone } from '../support/listening-sockets';

const ROOT = join(__dirname, '..', '..');

interface RunningCli {
  readonly cli: ChildProcess;
  readonly javaPid: number;
  readonly s3Port: number;
  readonly dynamoPort: number;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm run local -- --synth` in a child process, once it says it is ready. */
function startCli(): Promise<RunningCli> {
  const cli = spawn(process.execPath, ['--import', 'tsx', 'scripts/local.ts', '--synth'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
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

/** Kills a JVM the run under test left behind, so a failing test does not leak it. */
const reap = (pid: number) => processGone(pid) || process.kill(pid, 'SIGKILL');

describe('npm run local always stops its servers', () => {
  it('listens on loopback only, and on SIGTERM stops both servers and exits 0', async () => {
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

  it('leaves no DynamoDB Local JVM behind when the run is killed outright (SIGKILL)', async () => {
    const run = await startCli();
    try {
      run.cli.kill('SIGKILL');
      await run.exited;
      expect(await waitFor(() => processGone(run.javaPid), 15000)).toBe(true);
    } finally {
      reap(run.javaPid);
    }
  }, 120000);
});
