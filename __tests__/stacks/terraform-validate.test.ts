import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PayPulseConfigOverrides } from '../../stacks/config';
import { initFromMirror } from '../../tools/terraform/init-cache';
import { DEFAULT_PLUGIN_DIR as PLUGIN_DIR } from '../../tools/terraform/plugin-dir';
import { runTerraform } from '../../tools/terraform/run-terraform';
import { synthPayPulse } from '../support/synth';

interface ValidateResult {
  readonly valid: boolean;
  readonly error_count: number;
  readonly diagnostics: ReadonlyArray<{ severity: string; summary: string; detail?: string }>;
}

const dirs: string[] = [];
afterAll(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** `terraform init -plugin-dir` (from the init cache the plans share) then `terraform validate -json` on the synthesized stack. */
async function validate(overrides: PayPulseConfigOverrides): Promise<ValidateResult> {
  const dir = mkdtempSync(join(tmpdir(), 'paypulse-validate-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'cdk.tf.json'), synthPayPulse(overrides).json);
  await initFromMirror(dir, PLUGIN_DIR);
  // An invalid configuration exits 1: runTerraform rejects with the first diagnostic.
  const { stdout } = await runTerraform(['validate', '-json', '-no-color'], { cwd: dir });
  return JSON.parse(stdout) as ValidateResult;
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
  ] as const)('%s', async (_name, overrides) => {
    const result = await validate({ parserImage: { mode: 'pinned', tag: '20250929T164954' }, ...overrides });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result).toMatchObject({ valid: true, error_count: 0 });
  }, 240000);
});
