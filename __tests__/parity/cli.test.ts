import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HCL_FIXTURE, mutatedHcl, REPO, STATE_FIXTURE } from './support';

function parity(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'scripts/parity.ts', ...args], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const scratch = () => mkdtempSync(join(tmpdir(), 'parity-cli-'));

describe('parity CLI', () => {
  it('exits 0 on the fixtures, prints rows and the summaries', () => {
    const { code, stdout } = parity('--hcl', HCL_FIXTURE, '--state', STATE_FIXTURE);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}same +aws_s3_bucket\.rental_invoices$/m);
    expect(stdout).toMatch(/moved +aws_lambda_permission\.allow_s3_invoke_parse_invoice <- module\.lambdas\./);
    expect(stdout).toMatch(/changed \(intended\) +aws_lambda_function\.parse_retail_invoice/);
    expect(stdout).toMatch(/^Summary vs HCL: 9 same, 2 moved, .* 0 destroy/m);
    expect(stdout).toMatch(/^Summary vs state: 9 same, 2 moved, .* 0 destroy/m);
    expect(stdout).not.toContain('AIzaSy');
  });

  it('exits 2 with --json rows naming the exact path when something existing would change', () => {
    const dir = mutatedHcl('s3.tf', (t) => t.replace('filter_suffix = ".pdf"', 'filter_suffix = ".PDF"'));
    const { code, stdout } = parity('--hcl', dir, '--json');
    expect(code).toBe(2);
    const report = JSON.parse(stdout) as { resources: Array<{ address: string; status: string; diffs: Array<{ path: string; old: unknown; new: unknown }> }>; summary: Record<string, number> };
    const notification = report.resources.find((r) => r.address === 'aws_s3_bucket_notification.invoice_upload_trigger');
    expect(notification).toMatchObject({ status: 'changed', diffs: [{ path: 'lambda_function[0].filter_suffix', old: '.PDF', new: '.pdf' }] });
    expect(report.summary).toMatchObject({ unintendedChanges: 1, destroy: 0, exitCode: 2 });
  });

  describe('bad input exits 1 with a clear message', () => {
    it('a state file that is not JSON', () => {
      const path = join(scratch(), 'terraform.tfstate');
      writeFileSync(path, 'not json {');
      const { code, stderr } = parity('--state', path);
      expect(code).toBe(1);
      expect(stderr).toMatch(/state file .*terraform\.tfstate is not JSON/);
    });

    it('a state file of format version 3', () => {
      const path = join(scratch(), 'terraform.tfstate');
      writeFileSync(path, JSON.stringify({ version: 3, serial: 1, modules: [] }));
      const { code, stderr } = parity('--state', path);
      expect(code).toBe(1);
      expect(stderr).toMatch(/unsupported state format version 3; only version 4/);
    });

    it('an empty HCL directory', () => {
      const dir = scratch();
      const { code, stderr } = parity('--hcl', dir);
      expect(code).toBe(1);
      expect(stderr).toContain(`no .tf files in ${dir}`);
    });

    it('HCL that does not parse', () => {
      const dir = mutatedHcl('s3.tf', (t) => t.replace('bucket = var.invoices_bucket_name', 'bucket = '));
      const { code, stderr } = parity('--hcl', dir);
      expect(code).toBe(1);
      expect(stderr).toMatch(/HCL syntax error in .*s3\.tf/);
    });

    it('an unreadable file and a missing argument', () => {
      expect(parity('--state', join(scratch(), 'missing.tfstate'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/cannot read state file .*ENOENT/) });
      expect(parity()).toMatchObject({ code: 1, stderr: expect.stringMatching(/nothing to compare/) });
    });
  });
});
