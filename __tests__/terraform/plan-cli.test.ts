import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as planCli } from '../../tools/plan/plan-command';
import { restoreEnv, saveEnv } from '../support/saved-env';
import { EXISTING_STATE_FIXTURE } from './support/real-plan';

const dir = mkdtempSync(join(tmpdir(), 'plan-cli-'));

async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stderr: string; stdout: string }> {
  const err: string[] = [];
  const out: string[] = [];
  const saved = saveEnv(Object.keys(env));
  Object.assign(process.env, env);
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((c) => err.push(String(c)) > 0);
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((c) => out.push(String(c)) > 0);
  try {
    return { code: await planCli(args), stderr: err.join(''), stdout: out.join('') };
  } finally {
    stderr.mockRestore();
    stdout.mockRestore();
    restoreEnv(saved);
  }
}

describe('npm run plan: usage and bad input', () => {
  it('without a provider mirror, fails on one line naming TF_PLUGIN_DIR (exit 1)', async () => {
    const { code, stderr } = await run(['--state', EXISTING_STATE_FIXTURE], { TF_PLUGIN_DIR: join(dir, 'no-mirror') });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n').filter((l) => l.startsWith('error:'))).toEqual([expect.stringMatching(/^error: DEPENDENCY_FAILURE: .*set TF_PLUGIN_DIR/)]);
  });

  it('rejects a state that is not v4 (exit 1)', async () => {
    const bad = join(dir, 'v3.tfstate');
    writeFileSync(bad, JSON.stringify({ version: 3 }));
    const { code, stderr } = await run(['--state', bad]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: INVALID_REQUEST: state .* is not a Terraform v4 state/m);
  });

  it('exits 2 on usage errors and 0 on --help', async () => {
    expect((await run(['--nope'])).code).toBe(2);
    expect((await run(['--state', 'a', '--plan-json', 'b'])).code).toBe(2);
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/TF_VAR_<name>/);
  });
});
