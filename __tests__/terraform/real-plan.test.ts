import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as planCli } from '../../tools/plan/plan-command';
import { runOfflinePlan } from '../../tools/plan/run-plan';
import { migrateState } from '../../tools/migrate/migrate';
import { S3_TF_ADDRESSES } from '../../tools/migrate/split-state';
import { INIT_CACHE_DIR } from '../../tools/terraform/init-cache';
import { managedAddresses, readStateFile } from '../../tools/terraform/state-file';
import { EXISTING_STATE_FIXTURE, REAL_PLAN_TIMEOUT_MS, realPlanMirror } from './support/real-plan';

/**
 * Real offline `terraform plan`s of the stack (hashicorp/aws from the provider mirror)
 * against the existing-system state, which tools/fixtures/generate-existing-state.ts
 * built with Terraform from the existing HCL. The three plans start together in
 * beforeAll and each test awaits its own: most of a plan is the aws provider loading,
 * which overlaps well. With a cold init cache the unsplit plan goes first, so a run
 * still does at most one `terraform init` (the cache serves the rest).
 */
const mirror = realPlanMirror();
const INTENDED = join(__dirname, '..', '..', 'parity-intended.json');
const scratch = mkdtempSync(join(tmpdir(), 'real-plan-'));
const noop = () => undefined;
const classOf = (changes: ReadonlyArray<{ address: string; class: string }>) => Object.fromEntries(changes.map((c) => [c.address, c.class]));

describe('real Terraform plan of the stack', () => {

  it('has a provider mirror, or PAYPULSE_SKIP_REAL_PLAN=1 on purpose', () => {
    if (mirror.skip) console.warn(`real-plan tests skipped: ${mirror.reason}`);
    expect(mirror.skip ? process.env.PAYPULSE_SKIP_REAL_PLAN : mirror.pluginDir).toBeTruthy();
  });

  type Split = Awaited<ReturnType<typeof migrateState>>;
  type Plan = Awaited<ReturnType<typeof runOfflinePlan>>;
  interface Started {
    readonly split: Promise<Split>;
    readonly splitPlan: Promise<Plan>;
    readonly drifted: Promise<{ code: number; stdout: string }>;
    readonly unsplitPlan: Promise<Plan>;
  }
  let started: Started | undefined;
  const plans = (): Started => {
    if (!started) throw new Error('the plans did not start (beforeAll)');
    return started;
  };

  const split = (): Promise<Split> => migrateState(EXISTING_STATE_FIXTURE, join(scratch, 'split'), {});

  /** `npm run plan -- --json` on the split state with one bucket attribute changed; its exit code and stdout. */
  const planDrifted = async ({ files }: Split): Promise<{ code: number; stdout: string }> => {
    const state = readStateFile(files.stack);
    const bucket = state.resources.find((r) => r.type === 'aws_s3_bucket' && r.name === 'rental_invoices');
    if (!bucket) throw new Error('no rental_invoices bucket in the split state');
    bucket.instances[0].attributes.force_destroy = true;
    const drifted = join(scratch, 'drifted.tfstate');
    writeFileSync(drifted, JSON.stringify(state));
    // Only this plan writes to stdout (the others report nowhere), so capturing it is safe while they run.
    const out: string[] = [];
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      return { code: await planCli(['--state', drifted, '--json']), stdout: out.join('') };
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  };

  /** A cached `terraform init` from an earlier run; without one, the first plan does the init alone. */
  const initCacheWarm = () => existsSync(INIT_CACHE_DIR) && readdirSync(INIT_CACHE_DIR).some((key) => existsSync(join(INIT_CACHE_DIR, key, '.terraform.lock.hcl')));

  beforeAll(() => {
    if (mirror.skip) return;
    const unsplitPlan = runOfflinePlan({ statePath: EXISTING_STATE_FIXTURE, intendedPath: INTENDED });
    const initDone = initCacheWarm() ? Promise.resolve() : unsplitPlan.then(noop, noop);
    const splitDone = split();
    const afterInit = Promise.all([splitDone, initDone]).then(([s]) => s);
    started = {
      split: splitDone,
      unsplitPlan,
      splitPlan: afterInit.then((s) => runOfflinePlan({ statePath: s.files.stack, intendedPath: INTENDED })),
      drifted: afterInit.then(planDrifted),
    };
    // Each test awaits (and reports) its own result; a failure is not also an unhandled rejection.
    for (const p of Object.values(started)) (p as Promise<unknown>).catch(noop);
  });
  afterAll(async () => {
    if (started) await Promise.allSettled(Object.values(started));
    rmSync(scratch, { recursive: true, force: true });
  });

  it(
    'migrate splits the existing state: the stack gets s3.tf and the moved functions and permissions; removed.tf names each',
    async () => {
      if (mirror.skip) return;
      const result = await plans().split;
      const all = managedAddresses(readStateFile(EXISTING_STATE_FIXTURE));
      expect(result.moved.length + result.kept.length).toBe(all.length);
      expect(result.moved).toEqual(expect.arrayContaining([...S3_TF_ADDRESSES]));
      expect(result.moved.filter((a) => a.startsWith('module.lambdas.aws_lambda_function.'))).toHaveLength(16);
      expect(result.moved).toEqual(
        expect.arrayContaining(['module.lambdas.aws_lambda_permission.allow_s3_invoke_parse_invoice', 'module.lambdas.aws_lambda_permission.allow_s3_invoke_parse_retail_invoice']),
      );
      // Nothing the stack does not manage leaves the old root.
      expect(result.kept).toEqual(expect.arrayContaining(['module.lambdas.aws_lambda_layer_version.utils_layer', 'module.iam.aws_iam_role.wallenstam_lambda_role', 'aws_dynamodb_table.users']));
      expect(result.moved.some((a) => a.includes('api_gateway') || a.includes('layer_version'))).toBe(false);
      const removed = readFileSync(result.files.removed, 'utf8');
      for (const address of result.moved) expect(removed).toContain(`removed {\n  from = ${address}\n\n  lifecycle {\n    destroy = false\n  }\n}`);
      expect(removed.match(/removed \{/g)).toHaveLength(result.moved.length);
    },
    REAL_PLAN_TIMEOUT_MS,
  );

  it(
    'split + plan: s3.tf no-op 9/9, functions and permissions moved without change, 0 destroy, only intended changes',
    async () => {
      if (mirror.skip) return;
      const { classification: c } = await plans().splitPlan;
      const classes = classOf(c.changes);
      for (const address of S3_TF_ADDRESSES) expect({ address, class: classes[address] }).toEqual({ address, class: 'no-op' });
      expect(c.counts).toMatchObject({ destroy: 0, unintended: 0, imported: 1 });
      const functions = c.changes.filter((x) => x.address.startsWith('aws_lambda_function.'));
      expect(functions).toHaveLength(16);
      for (const fn of functions) {
        expect(fn.previousAddress).toBe(`module.lambdas.${fn.address}`);
        expect(['moved', 'intended']).toContain(fn.class);
      }
      expect(functions.filter((f) => f.class === 'intended').map((f) => f.address)).toEqual(['aws_lambda_function.parse_invoice', 'aws_lambda_function.parse_retail_invoice']);
      expect(classes['aws_lambda_permission.allow_s3_invoke_parse_invoice']).toBe('moved');
      expect(classes['aws_lambda_permission.allow_s3_invoke_parse_retail_invoice']).toBe('moved');
      for (const x of c.changes.filter((y) => y.class === 'intended')) expect(x.reasons.length).toBeGreaterThan(0);
      expect(c.exitCode).toBe(0);
    },
    REAL_PLAN_TIMEOUT_MS,
  );

  it(
    'a state with one bucket attribute changed: that bucket is an unintended change, exit 2',
    async () => {
      if (mirror.skip) return;
      const { code, stdout } = await plans().drifted;
      expect(code).toBe(2);
      const report = JSON.parse(stdout) as { summary: Record<string, number>; changes: Array<{ address: string; class: string; diffs: Array<{ path: string }> }> };
      expect(report.summary).toMatchObject({ unintended: 1, destroy: 0 });
      const changed = report.changes.find((x) => x.address === 'aws_s3_bucket.rental_invoices');
      expect(changed).toMatchObject({ class: 'unintended', diffs: [{ path: 'force_destroy', before: true, after: false }] });
    },
    REAL_PLAN_TIMEOUT_MS,
  );

  it(
    'the unsplit state: everything the stack does not declare is reported destroyed, exit 2',
    async () => {
      if (mirror.skip) return;
      const { classification: c } = await plans().unsplitPlan;
      const kept = (await plans().split).kept;
      expect(c.counts.destroy).toBe(kept.length);
      expect(c.changes.filter((x) => x.class === 'destroy').map((x) => x.address).sort()).toEqual([...kept].sort());
      expect(c.exitCode).toBe(2);
    },
    REAL_PLAN_TIMEOUT_MS,
  );
});
