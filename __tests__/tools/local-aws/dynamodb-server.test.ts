import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startLocalDynamoDb } from '../../../tools/local-aws/dynamodb-server';
import { listeningSockets, processGone } from '../../support/listening-sockets';

const ROOT = join(__dirname, '..', '..', '..');

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe('startLocalDynamoDb', () => {
  it.concurrent('listens on 127.0.0.1 only, never on every interface', async () => {
    const dynamo = await startLocalDynamoDb();
    try {
      expect(dynamo.loopbackOnly).toBe(true);
      const sockets = listeningSockets(dynamo.port);
      expect(sockets.length).toBeGreaterThan(0);
      expect(sockets.filter((s) => !s.loopback)).toEqual([]);
    } finally {
      await dynamo.stop();
    }
    expect(processGone(dynamo.pid!)).toBe(true);
  }, 60000);

  it.concurrent('does not outlive a parent killed with SIGKILL (the JVM exits when its stdin closes)', async () => {
    const script = [
      "const { startLocalDynamoDb } = require('./tools/local-aws/dynamodb-server');",
      'startLocalDynamoDb().then((d) => console.log(JSON.stringify({ pid: d.pid })));',
    ].join('\n');
    const parent = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const javaPid = await new Promise<number>((resolve, reject) => {
      let out = '';
      parent.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve((JSON.parse(line) as { pid: number }).pid);
      });
      parent.once('exit', (code) => reject(new Error(`parent exited with ${code} before DynamoDB Local was up`)));
    });
    expect(processGone(javaPid)).toBe(false);
    parent.kill('SIGKILL');
    const gone = await waitFor(() => processGone(javaPid), 15000);
    if (!gone) process.kill(javaPid, 'SIGKILL');
    expect(gone).toBe(true);
  }, 90000);
});
