import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TerraformFailedError } from '../../tools/terraform/errors';
import { runTerraform, TERRAFORM_GOGC } from '../../tools/terraform/run-terraform';
import { restoreEnv, saveEnv } from '../support/saved-env';

/** A stand-in `terraform` that prints the environment it was given, or fails with a diagnostic. */
const dir = mkdtempSync(join(tmpdir(), 'run-terraform-'));
const fake = join(dir, 'terraform');
writeFileSync(
  fake,
  `#!/bin/sh
if [ "$1" = fail ]; then printf '\\nError: Unsupported argument\\n\\n  on cdk.tf.json line 3\\n' >&2; exit 1; fi
echo "GOGC=$GOGC TF_IN_AUTOMATION=$TF_IN_AUTOMATION TF_INPUT=$TF_INPUT CHECKPOINT_DISABLE=$CHECKPOINT_DISABLE TF_VAR_x=$TF_VAR_x"
`,
);
chmodSync(fake, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const saved = saveEnv(['GOGC']);
afterEach(() => restoreEnv(saved));

describe('runTerraform', () => {
  it('runs Terraform (and so the providers it starts) without prompts, update checks, and with a larger Go GC target', async () => {
    delete process.env.GOGC;
    const { stdout } = await runTerraform(['version'], { cwd: dir, binary: fake, env: { TF_VAR_x: 'secret' } });
    expect(stdout.trim()).toBe(`GOGC=${TERRAFORM_GOGC} TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1 TF_VAR_x=secret`);
  });

  it("keeps the caller's GOGC", async () => {
    process.env.GOGC = '150';
    const { stdout } = await runTerraform(['version'], { cwd: dir, binary: fake });
    expect(stdout).toMatch(/^GOGC=150 /);
  });

  it('rejects with the first diagnostic on one line when Terraform fails', async () => {
    const failure = runTerraform(['fail'], { cwd: dir, binary: fake });
    await expect(failure).rejects.toBeInstanceOf(TerraformFailedError);
    await expect(failure).rejects.toThrow('terraform fail failed (exit 1): Error: Unsupported argument on cdk.tf.json line 3');
  });
});
