import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as migrateCli } from '../../tools/migrate/migrate-command';
import { S3_TF_ADDRESSES } from '../../tools/migrate/split-state';
import type { TerraformState } from '../../tools/terraform/state-file';
import { EXISTING_STATE_FIXTURE } from './support/real-plan';

/** Bad inputs to `npm run migrate` fail on one line before Terraform runs, and write nothing. */
const dir = mkdtempSync(join(tmpdir(), 'migrate-inputs-'));
const existing = () => JSON.parse(readFileSync(EXISTING_STATE_FIXTURE, 'utf8')) as TerraformState;

async function migrate(state: unknown): Promise<{ code: number; stderr: string; out: string }> {
  const input = join(dir, `in-${Math.random().toString(36).slice(2)}.tfstate`);
  writeFileSync(input, typeof state === 'string' ? state : JSON.stringify(state));
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
  const errors: string[] = [];
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => errors.push(String(chunk)) > 0);
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return { code: await migrateCli(['--state', input, '--out', out]), stderr: errors.join(''), out };
  } finally {
    stderr.mockRestore();
    stdout.mockRestore();
  }
}

describe('npm run migrate: bad input', () => {
  it.each([
    ['not JSON', '{ not json', /is not JSON/],
    ['a v3 state', { version: 3, serial: 1, modules: [] }, /is not a Terraform v4 state \(version 3\)/],
  ])('rejects %s', async (_name, state, message) => {
    const { code, stderr, out } = await migrate(state);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: INVALID_REQUEST: /);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects a state missing s3.tf resources, naming them', async () => {
    const state = existing();
    const { code, stderr, out } = await migrate({ ...state, resources: state.resources.filter((r) => r.type !== 'aws_s3_object') });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: INVALID_REQUEST: .* is missing s3\.tf resources \(aws_s3_object\.invoices_path\)/);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects a state that is already split (it holds the stack’s own addresses, or only the stack’s resources)', async () => {
    const state = existing();
    const renamed = { ...state, resources: state.resources.map((r) => (r.type === 'aws_lambda_function' ? { ...r, module: undefined } : r)) };
    const first = await migrate(renamed);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/^error: INVALID_REQUEST: .* is already split: it holds the stack's own addresses \(aws_lambda_function\./);
    expect(existsSync(first.out)).toBe(false);

    const owned = (r: TerraformState['resources'][number]) =>
      (S3_TF_ADDRESSES as readonly string[]).includes(`${r.type}.${r.name}`) || r.type === 'aws_lambda_function' || r.name.startsWith('allow_s3_invoke');
    const stackOnly = { ...state, resources: state.resources.filter((r) => r.mode === 'managed' && owned(r)) };
    const second = await migrate(stackOnly);
    expect(second.stderr).toMatch(/is already split: everything in it belongs to the stack/);
    expect(existsSync(second.out)).toBe(false);
  });

  it('exits 2 with usage on missing arguments, and 0 on --help', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await migrateCli(['--state', 'x.tfstate'])).toBe(2);
      expect(await migrateCli(['--bogus'])).toBe(2);
      expect(await migrateCli(['--help'])).toBe(0);
    } finally {
      stderr.mockRestore();
      stdout.mockRestore();
    }
  });
});
