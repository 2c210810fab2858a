import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyPlan } from '../../tools/plan/classify';
import { type IntendedChange, readIntendedChanges } from '../../tools/plan/intended';
import { renderTable, toJson } from '../../tools/plan/report';
import { classifyPlanFile } from '../../tools/plan/run-plan';
import type { PlanJson, ResourceChange } from '../../tools/terraform/plan-json';
import type { ResourceSchemas } from '../../tools/terraform/provider-schema';

type Change = ResourceChange['change'];
const rc = (address: string, change: Partial<Change> & { actions: string[] }, extra: Partial<ResourceChange> = {}): ResourceChange => {
  const [type, name] = address.split('.').slice(-2);
  return { address, mode: 'managed', type, name, change: { before: null, after: null, ...change }, ...extra };
};
const plan = (...changes: ResourceChange[]): PlanJson => ({ format_version: '1.2', planned_values: {}, resource_changes: changes });

const SCHEMAS: ResourceSchemas = {
  aws_lambda_function: {
    version: 0,
    block: { attributes: { runtime: { optional: true }, last_modified: { computed: true }, role: { required: true }, memory_size: { optional: true, computed: true } } },
  },
};

const INTENDED: IntendedChange[] = [
  { address: 'aws_lambda_function.f', paths: [{ path: 'runtime', old: 'python3.12', new: 'nodejs22.x' }], reason: 'moves to Node.js' },
  { address: 'aws_lambda_function.f', paths: [{ path: 'layers', new: null }], reason: 'no layers' },
];

describe('plan classifier', () => {
  it('sorts each kind of change into its class, and exits 0 only without unintended changes or destroys', () => {
    const result = classifyPlan(
      plan(
        rc('aws_s3_bucket.a', { actions: ['no-op'], before: { bucket: 'a' }, after: { bucket: 'a' } }),
        rc('aws_lambda_permission.p', { actions: ['no-op'] }, { previous_address: 'module.lambdas.aws_lambda_permission.p' }),
        rc('aws_ecr_repository.r', { actions: ['no-op'], importing: { id: 'r' } }),
        rc('aws_sqs_queue.q', { actions: ['create'] }),
        rc('aws_lambda_function.f', {
          actions: ['update'],
          before: { runtime: 'python3.12', layers: ['arn:1'], last_modified: 'x', role: 'r' },
          after: { runtime: 'nodejs22.x', layers: null, role: 'r' },
          after_unknown: { last_modified: true },
        }),
        rc('aws_iam_role.old', { actions: ['forget'] }),
      ),
      INTENDED,
      SCHEMAS,
    );
    expect(Object.fromEntries(result.changes.map((c) => [c.address, c.class]))).toEqual({
      'aws_s3_bucket.a': 'no-op',
      'aws_lambda_permission.p': 'moved',
      'aws_ecr_repository.r': 'imported',
      'aws_sqs_queue.q': 'create',
      'aws_lambda_function.f': 'intended',
      'aws_iam_role.old': 'forget',
    });
    expect(result.changes.find((c) => c.address === 'aws_lambda_function.f')?.reasons).toEqual(['moves to Node.js', 'no layers']);
    expect(result.exitCode).toBe(0);
    expect(renderTable(result)).toMatch(/reason: moves to Node\.js/);
  });

  it('calls a change unintended when an attribute is undeclared or its value is not the declared one', () => {
    const undeclared = classifyPlan(
      plan(rc('aws_lambda_function.f', { actions: ['update'], before: { role: 'arn:a' }, after: { role: 'arn:b' } })),
      INTENDED,
      SCHEMAS,
    );
    expect(undeclared.changes[0]).toMatchObject({ class: 'unintended', diffs: [{ path: 'role', before: 'arn:a', after: 'arn:b' }] });
    expect(undeclared.exitCode).toBe(2);
    const otherValue = classifyPlan(
      plan(rc('aws_lambda_function.f', { actions: ['update'], before: { runtime: 'python3.12' }, after: { runtime: 'python3.13' } })),
      INTENDED,
      SCHEMAS,
    );
    expect(otherValue.changes[0].class).toBe('unintended');
    expect(renderTable(otherValue)).toMatch(/UNINTENDED runtime: "python3.12" -> "python3.13"/);
  });

  it('judges an update whose only diffs are provider-computed as unintended (nothing explains it)', () => {
    const result = classifyPlan(
      plan(rc('aws_lambda_function.f', { actions: ['update'], before: { last_modified: 'x' }, after: {}, after_unknown: { last_modified: true } })),
      INTENDED,
      SCHEMAS,
    );
    expect(result.changes[0].class).toBe('unintended');
  });

  it('reports destroys and replacements, and exits 2', () => {
    const result = classifyPlan(
      plan(
        rc('module.lambdas.aws_lambda_layer_version.utils_layer', { actions: ['delete'] }),
        rc('aws_lambda_permission.p', { actions: ['delete', 'create'], before: { source_account: null }, after: { source_account: '1' } }),
      ),
      INTENDED,
    );
    expect(result.counts).toMatchObject({ destroy: 1, unintended: 1 });
    expect(result.exitCode).toBe(2);
  });

  it('never prints a sensitive value, in the table or in --json', () => {
    const result = classifyPlan(
      plan(
        rc('aws_lambda_function.g', {
          actions: ['update'],
          before: { environment: [{ variables: { JWT_SECRET: 'old-secret-value' } }] },
          after: { environment: [{ variables: { JWT_SECRET: 'new-secret-value' } }] },
          before_sensitive: { environment: [{ variables: { JWT_SECRET: true } }] },
          after_sensitive: { environment: [{ variables: { JWT_SECRET: true } }] },
        }),
      ),
      [],
    );
    expect(result.changes[0].diffs.map((d) => d.path)).toEqual(['environment[0].variables.JWT_SECRET']);
    const printed = renderTable(result) + JSON.stringify(toJson(result));
    expect(printed).toContain('(sensitive)');
    expect(printed).not.toMatch(/secret-value/);
  });

  it('classifies a plan made elsewhere (--plan-json) and rejects a file that is not plan JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-json-'));
    const good = join(dir, 'plan.json');
    writeFileSync(good, JSON.stringify(plan(rc('module.iam.aws_iam_role.r', { actions: ['delete'] }))));
    const intended = join(dir, 'intended.json');
    writeFileSync(intended, JSON.stringify({ intended: [] }));
    expect(classifyPlanFile(good, intended).classification).toMatchObject({ counts: { destroy: 1 }, exitCode: 2 });
    const bad = join(dir, 'state.json');
    writeFileSync(bad, JSON.stringify({ version: 4, resources: [] }));
    expect(() => classifyPlanFile(bad, intended)).toThrow(/is not `terraform show -json <plan>` output/);
  });

  it('reads parity-intended.json: every entry has an address, paths and a reason', () => {
    const entries = readIntendedChanges(join(__dirname, '..', '..', 'parity-intended.json'));
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(e.reason.length).toBeGreaterThan(20);
    const dir = mkdtempSync(join(tmpdir(), 'intended-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ intended: [{ address: 'x', paths: ['a'] }] }));
    expect(() => readIntendedChanges(join(dir, 'bad.json'))).toThrow(/non-empty reason/);
  });
});
