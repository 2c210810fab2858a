import { exitCodeOf } from '../../scripts/parity/report';
import { runParity } from '../../scripts/parity/run';
import type { Row } from '../../scripts/parity/model';
import { S3_TF_ADDRESSES } from '../support/s3-tf-addresses';
import { asStack, failing, HCL_FIXTURE, INTENDED, mutatedHcl, row, stackJson } from './support';



const base = stackJson();

async function againstHcl(hcl: string, json: Record<string, unknown> = base, vars: Record<string, string> = {}) {
  const result = await runParity({ hcl, stack: asStack(json), intendedFile: INTENDED, vars });
  return { result, rows: result.rows as Row[], exit: exitCodeOf(result) };
}

describe('parity of the current stack with the HCL fixtures', () => {
  let outcome: Awaited<ReturnType<typeof againstHcl>>;
  beforeAll(async () => {
    outcome = await againstHcl(HCL_FIXTURE);
  });

  it('reports every s3.tf resource as same', () => {
    expect(S3_TF_ADDRESSES.map((a) => [a, row(outcome.rows, a).status])).toEqual(S3_TF_ADDRESSES.map((a) => [a, 'same']));
  });

  it('reports the S3 invoke permissions as moved out of module.lambdas', () => {
    for (const name of ['parse_invoice', 'parse_retail_invoice']) {
      const r = row(outcome.rows, `aws_lambda_permission.allow_s3_invoke_${name}`);
      expect({ status: r.status, from: r.from }).toEqual({ status: 'moved', from: `module.lambdas.aws_lambda_permission.allow_s3_invoke_${name}` });
    }
  });

  it('reports the parse functions as moved, with only intended changes and their reasons', () => {
    const retail = row(outcome.rows, 'aws_lambda_function.parse_retail_invoice');
    expect(retail).toMatchObject({ status: 'changed', intended: true, from: 'module.lambdas.aws_lambda_function.parse_retail_invoice' });
    expect(retail.diffs.map((d) => d.path)).toEqual(expect.arrayContaining(['runtime', 'handler', 'layers', 'environment.variables.GEMINI_API_KEY']));
    expect(retail.diffs.find((d) => d.path === 'runtime')).toMatchObject({ old: 'python3.12', new: 'nodejs22.x' });
    expect(retail.reason).toMatch(/Node\.js 22/);
    const image = row(outcome.rows, 'aws_lambda_function.parse_invoice');
    expect(image.status === 'moved' || (image.status === 'changed' && image.intended)).toBe(true);
  });

  it('leaves what other stacks own as not-in-stack', () => {
    for (const address of ['aws_dynamodb_table.rental_invoices', 'aws_iam_role.wallenstam_lambda_role', 'module.lambdas.aws_lambda_layer_version.utils_layer']) {
      expect(row(outcome.rows, address).status).toBe('not-in-stack');
    }
  });

  it('has no unintended change and no destroy, so exits 0', () => {
    expect(failing(outcome.rows)).toEqual([]);
    expect(outcome.result.stale).toEqual([]);
    expect(outcome.exit).toBe(0);
  });

  it('resolves var.* through --var overrides on both sides alike', async () => {
    const { rows } = await againstHcl(HCL_FIXTURE, base, { invoices_bucket_name: 'other-bucket' });
    expect(row(rows, 'aws_s3_bucket.rental_invoices').status).toBe('same');
  });
});

describe('mutations of the HCL fixtures are caught with their exact path', () => {
  it.each([
    ['flipping block_public_acls', 's3.tf', /block_public_acls(\s*)= true/, 'block_public_acls$1= false', 'aws_s3_bucket_public_access_block.rental_invoices', 'block_public_acls'],
    ['changing the PDF suffix', 's3.tf', 'filter_suffix = ".pdf"', 'filter_suffix = ".PDF"', 'aws_s3_bucket_notification.invoice_upload_trigger', 'lambda_function[0].filter_suffix'],
    ['changing the placeholder key default', 'variables.tf', 'default     = "invoices/"', 'default     = "rental-invoices/"', 'aws_s3_object.invoices_path', 'key'],
    ['changing an environment variable inside the module', 'modules/lambdas/main.tf', 'DYNAMODB_TABLE = var.invoices_table', 'DYNAMODB_TABLE = "Invoices"', 'aws_lambda_function.parse_invoice', 'environment.variables.DYNAMODB_TABLE'],
  ] as const)('%s', async (_, file, from, to, address, path) => {
    const { rows, exit } = await againstHcl(mutatedHcl(file, (t) => t.replace(from, to)));
    expect(failing(rows)).toEqual([{ address, status: 'changed', paths: [path] }]);
    expect(exit).toBe(2);
  });

  it('dropping the policy statement in the HCL', async () => {
    const dir = mutatedHcl('s3.tf', (t) => t.replace(/Statement = \[[^]*?\n    \]/, 'Statement = []'));
    const { rows, exit } = await againstHcl(dir);
    expect(failing(rows)).toEqual([{ address: 'aws_s3_bucket_policy.lambda_bucket_policy', status: 'changed', paths: ['policy.Statement[0]'] }]);
    expect(exit).toBe(2);
  });

  it('renaming a resource in the HCL: destroy of the old address, create of the stack one', async () => {
    const { rows, exit } = await againstHcl(mutatedHcl('s3.tf', (t) => t.replace('"aws_s3_object" "invoices_path"', '"aws_s3_object" "invoices_folder"')));
    expect(row(rows, 'aws_s3_object.invoices_folder').status).toBe('destroy');
    expect(row(rows, 'aws_s3_object.invoices_path').status).toBe('create');
    expect(exit).toBe(2);
  });
});

describe('mutations of the synthesized stack', () => {
  const mutate = (edit: (resources: Record<string, Record<string, Record<string, unknown>>>) => void) => {
    const json = stackJson();
    edit(json.resource as Record<string, Record<string, Record<string, unknown>>>);
    return json;
  };

  it('dropping the policy statement', async () => {
    const json = mutate((r) => {
      r.aws_s3_bucket_policy.lambda_bucket_policy.policy = JSON.stringify({ Version: '2012-10-17', Statement: [] });
    });
    const { rows, exit } = await againstHcl(HCL_FIXTURE, json);
    const policy = row(rows, 'aws_s3_bucket_policy.lambda_bucket_policy');
    expect(policy.diffs).toEqual([expect.objectContaining({ path: 'policy.Statement[0]', new: null })]);
    expect(exit).toBe(2);
  });

  it('renaming a resource: destroy + create', async () => {
    const json = mutate((r) => {
      r.aws_s3_bucket_versioning.invoices_versioning = r.aws_s3_bucket_versioning.rental_invoices;
      delete r.aws_s3_bucket_versioning.rental_invoices;
    });
    const { rows, exit } = await againstHcl(HCL_FIXTURE, json);
    expect(row(rows, 'aws_s3_bucket_versioning.rental_invoices').status).toBe('destroy');
    expect(row(rows, 'aws_s3_bucket_versioning.invoices_versioning').status).toBe('create');
    expect(exit).toBe(2);
  });

  it('deleting the notification: destroy', async () => {
    const json = mutate((r) => {
      delete r.aws_s3_bucket_notification;
    });
    const { rows, exit } = await againstHcl(HCL_FIXTURE, json);
    expect(row(rows, 'aws_s3_bucket_notification.invoice_upload_trigger').status).toBe('destroy');
    expect(exit).toBe(2);
  });

  it('pointing a notification at another function is a change of the reference target', async () => {
    const json = mutate((r) => {
      const blocks = r.aws_s3_bucket_notification.invoice_upload_trigger.lambda_function as Array<Record<string, unknown>>;
      blocks[0].lambda_function_arn = '${aws_lambda_function.parse_retail_invoice.arn}';
    });
    const { rows } = await againstHcl(HCL_FIXTURE, json);
    expect(failing(rows)).toEqual([
      { address: 'aws_s3_bucket_notification.invoice_upload_trigger', status: 'changed', paths: ['lambda_function[0].lambda_function_arn'] },
    ]);
  });
});
