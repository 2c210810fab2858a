import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PayPulseConfigOverrides } from '../../stacks/config';
import { DEFAULT_PLUGIN_DIR as PLUGIN_DIR } from '../../tools/terraform/plugin-dir';
import { synthPayPulse } from '../support/synth';

interface ValidateResult {
  readonly valid: boolean;
  readonly error_count: number;
  readonly diagnostics: ReadonlyArray<{ severity: string; summary: string; detail?: string }>;
}

const dirs: string[] = [];
afterAll(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** `terraform init -plugin-dir` then `terraform validate -json` on the synthesized stack. */
function validate(overrides: PayPulseConfigOverrides): ValidateResult {
  const dir = mkdtempSync(join(tmpdir(), 'paypulse-validate-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'cdk.tf.json'), synthPayPulse(overrides).json);
  const run = (args: string[]) => spawnSync('terraform', args, { cwd: dir, encoding: 'utf8', timeout: 240000, env: { ...process.env, TF_IN_AUTOMATION: '1' } });
  const init = run(['init', '-backend=false', `-plugin-dir=${PLUGIN_DIR}`, '-input=false', '-no-color']);
  if (init.status !== 0) throw new Error(`terraform init failed:\n${init.stderr || init.stdout}`);
  const out = run(['validate', '-json', '-no-color']);
  return JSON.parse(out.stdout) as ValidateResult;
}

// Terraform judges the new resources (bucket policy, lifecycle, alarm, dedicated role) with the real provider schema.
describe('terraform validate accepts the synthesized stack (pinned image, provider mirror)', () => {
  it('finds terraform and the provider mirror', () => {
    expect(spawnSync('terraform', ['version'], { encoding: 'utf8' }).status).toBe(0);
    expect(existsSync(PLUGIN_DIR)).toBe(true);
  });

  it.each([
    ['defaults', {}],
    ['hardened, with an alarm topic and custom retention', { hardened: true, failureAlarmTopicArn: 'arn:aws:sns:eu-west-1:111122223333:paypulse-alerts', lambdaZipNoncurrentVersionsKept: 3 }],
  ] as const)('%s', (_name, overrides) => {
    const result = validate({ parserImage: { mode: 'pinned', tag: '20250929T164954' }, ...overrides });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result).toMatchObject({ valid: true, error_count: 0 });
  }, 240000);
});
