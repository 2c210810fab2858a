import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeterministicZip } from '../../tools/build/deterministic-zip';
import { EXISTING_STATE } from '../../tools/fixtures/generate-existing-state';
import { launchCommand } from '../../app/launch-command';

/**
 * Every command follows app/run-cli.ts: `--help` exits 0; a usage error exits 2 with
 * `error: USAGE: ...`; a runtime error (a bad config value included) exits 1 with one
 * `error: CODE: message` line and never a stack trace.
 */
const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'paypulse-cli-conventions-'));
const aZip = join(dir, 'fetch_invoices.zip');
beforeAll(async () => writeFileSync(aZip, await createDeterministicZip([{ name: 'main.py', data: Buffer.from('def lambda_handler(e, c): pass\n') }])));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const notAZip = join(dir, 'not-a.zip');
writeFileSync(notAZip, 'PK but not a zip');
const aFile = join(dir, 'a-file');
writeFileSync(aFile, 'in the way of a directory');
// A working directory whose `bench` is a file, so the bench cannot write its results.
const benchBlocked = join(dir, 'bench-blocked');
mkdirSync(benchBlocked);
writeFileSync(join(benchBlocked, 'bench'), 'not a directory');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(argv: readonly string[], env: Record<string, string> = {}, cwd = ROOT): Promise<Run> {
  const [cmd, ...args] = argv;
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: { ...process.env, ...env }, timeout: 90_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}


interface Command {
  readonly name: string;
  readonly argv: readonly string[];
  /** argv, env and cwd of a runtime failure; null when the command has none that arguments can cause. */
  readonly runtime: { argv: readonly string[]; env?: Record<string, string>; cwd?: string } | null;
  /** argv that reaches the config (run with PAYPULSE_HARDENED=ture); null when the command reads none. */
  readonly config: readonly string[] | null;
}

const COMMANDS: Command[] = [
  { name: 'synth', argv: [process.execPath, join(ROOT, 'app', 'run.cjs')], runtime: { argv: [], env: { PAYPULSE_EXECUTION_ROLES: 'everything' } }, config: [] },
  { name: 'build:handlers', argv: launchCommand('tools/build/cli.ts'), runtime: { argv: ['--out', aFile] }, config: null },
  { name: 'local', argv: launchCommand('tools/local/cli.ts'), runtime: { argv: ['--stack', join(dir, 'missing.tf.json')] }, config: ['--synth'] },
  { name: 'bench', argv: launchCommand('tools/bench/cli.ts'), runtime: { argv: ['--only', 'synth'], cwd: benchBlocked }, config: null },
  { name: 'fuzz', argv: launchCommand('tools/fuzz/cli.ts'), runtime: null, config: null },
  { name: 'publish-artifact', argv: launchCommand('tools/publish-artifact/cli.ts'), runtime: { argv: ['login_user', notAZip] }, config: ['login_user', aZip] },
  { name: 'parse', argv: launchCommand('tools/parse/cli.ts'), runtime: { argv: [join(dir, 'missing.pdf')] }, config: null },
  { name: 'plan', argv: launchCommand('tools/plan/cli.ts'), runtime: { argv: ['--state', join(dir, 'missing.tfstate')] }, config: ['--state', EXISTING_STATE] },
  { name: 'migrate', argv: launchCommand('tools/migrate/cli.ts'), runtime: { argv: ['--state', join(dir, 'missing.tfstate'), '--out', join(dir, 'split')] }, config: ['--state', EXISTING_STATE, '--out', join(dir, 'split-config')] },
];

const ONE_ERROR_LINE = /^error: [A-Z][A-Z0-9_]*: \S.*$/;

/** The stderr of a runtime failure: progress lines may come first, then exactly one error line, and no stack frame. */
function expectOneErrorLine(result: Run): string {
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines.filter((l) => l.startsWith('error:'))).toHaveLength(1);
  expect(lines[lines.length - 1]).toMatch(ONE_ERROR_LINE);
  expect(result.stderr).not.toMatch(/^\s+at .+\(.*:\d+:\d+\)$/m);
  return lines[lines.length - 1];
}

describe.each(COMMANDS)('$name', (command) => {
  it.concurrent('prints its usage on --help and exits 0', async () => {
    const result = await run([...command.argv, '--help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Usage: /);
  }, 120_000);

  it.concurrent('exits 2 on an unknown option, naming it, with the usage', async () => {
    const result = await run([...command.argv, '--no-such-option']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: USAGE: Unknown option --no-such-option\nUsage: /);
  }, 120_000);

  if (command.runtime) {
    const runtime = command.runtime;
    it.concurrent('exits 1 on a runtime error with one error line and no stack trace', async () => {
      const result = await run([...command.argv, ...runtime.argv], runtime.env, runtime.cwd);
      expect(result.code).toBe(1);
      expectOneErrorLine(result);
    }, 120_000);
  }

  if (command.config) {
    const argv = command.config;
    it.concurrent('exits 1 on a malformed config value, listing the valid choices', async () => {
      const result = await run([...command.argv, ...argv], { PAYPULSE_HARDENED: 'ture' });
      expect(result.code).toBe(1);
      expect(expectOneErrorLine(result)).toMatch(/^error: VALIDATION_ERROR: .*PAYPULSE_HARDENED must be one of .*true, false.*got 'ture'/);
    }, 120_000);
  }
});

describe('publish-artifact', () => {
  it('refuses an image function as a usage error', async () => {
    const result = await run([...launchCommand('tools/publish-artifact/cli.ts'), 'parse_invoice', notAZip]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: USAGE: parse_invoice is deployed as a container image, not a zip/);
  }, 120_000);

  it('refuses bytes that are not a zip', async () => {
    const result = await run([...launchCommand('tools/publish-artifact/cli.ts'), 'login_user', notAZip]);
    expect(expectOneErrorLine(result)).toMatch(/^error: INVALID_REQUEST: .*not-a\.zip is not a zip archive/);
  }, 120_000);
});
