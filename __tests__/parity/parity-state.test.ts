import { exitCodeOf } from '../../scripts/parity/report';
import { runParity } from '../../scripts/parity/run';
import type { Row } from '../../scripts/parity/model';
import { asStack, failing, INTENDED, mutatedState, row, STATE_FIXTURE, stackJson, stateResource, type StateJson } from './support';

const base = stackJson();

async function againstState(state: string, json: Record<string, unknown> = base) {
  const result = await runParity({ state, stack: asStack(json), intendedFile: INTENDED });
  return { result, rows: result.rows as Row[], exit: exitCodeOf(result) };
}

describe('parity of the current stack with the state fixture', () => {
  let outcome: Awaited<ReturnType<typeof againstState>>;
  beforeAll(async () => {
    outcome = await againstState(STATE_FIXTURE);
  });

  it('gives 0 unintended changes and 0 destroys', () => {
    expect(failing(outcome.rows)).toEqual([]);
    expect(outcome.exit).toBe(0);
  });

  it('resolves references through the state: the notification targets the moved functions by ARN', () => {
    expect(row(outcome.rows, 'aws_s3_bucket_notification.invoice_upload_trigger').status).toBe('same');
    expect(row(outcome.rows, 'aws_lambda_permission.allow_s3_invoke_parse_invoice')).toMatchObject({
      status: 'moved',
      from: 'module.lambdas.aws_lambda_permission.allow_s3_invoke_parse_invoice',
    });
  });

  it('reports the language move of parse_retail_invoice as intended, layers and GEMINI_API_KEY included', () => {
    const retail = row(outcome.rows, 'aws_lambda_function.parse_retail_invoice');
    expect(retail).toMatchObject({ status: 'changed', intended: true });
    expect(retail.diffs.map((d) => d.path).sort()).toEqual(['environment.variables.GEMINI_API_KEY', 'handler', 'layers', 'runtime']);
  });

  it('reports the hand-made ECR repository as import, not create', () => {
    expect(row(outcome.rows, 'aws_ecr_repository.invoice_parser').status).toBe('import');
  });

  it('flags no intended entry as stale', () => {
    expect(outcome.result.stale).toEqual([]);
  });
});

describe('mutated copies of the state', () => {
  it('a suspended bucket versioning is a change at versioning_configuration.status', async () => {
    const path = mutatedState((s) => {
      (stateResource(s, 'aws_s3_bucket_versioning.rental_invoices').versioning_configuration as Array<Record<string, unknown>>)[0].status = 'Suspended';
    });
    const { rows, exit } = await againstState(path);
    expect(failing(rows)).toEqual([{ address: 'aws_s3_bucket_versioning.rental_invoices', status: 'changed', paths: ['versioning_configuration.status'] }]);
    expect(row(rows, 'aws_s3_bucket_versioning.rental_invoices').diffs[0]).toMatchObject({ old: 'Suspended', new: 'Enabled' });
    expect(exit).toBe(2);
  });

  it('a different suffix in the state is a change at lambda_function[1].filter_suffix', async () => {
    const path = mutatedState((s) => {
      (stateResource(s, 'aws_s3_bucket_notification.invoice_upload_trigger').lambda_function as Array<Record<string, unknown>>)[1].filter_suffix = '.htm';
    });
    expect(failing((await againstState(path)).rows)).toEqual([
      { address: 'aws_s3_bucket_notification.invoice_upload_trigger', status: 'changed', paths: ['lambda_function[1].filter_suffix'] },
    ]);
  });

  it('a policy with another key order and a one-element Action list is the same policy', async () => {
    const path = mutatedState((s) => {
      stateResource(s, 'aws_s3_bucket_policy.lambda_bucket_policy').policy = JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Resource: 'arn:aws:s3:::wallenstam-lambda-bucket/*', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['s3:GetObject'], Effect: 'Allow' }],
      });
    });
    expect(row((await againstState(path)).rows, 'aws_s3_bucket_policy.lambda_bucket_policy').status).toBe('same');
  });

  it('a policy that grants another bucket is a change of the statement resource', async () => {
    const path = mutatedState((s) => {
      const attrs = stateResource(s, 'aws_s3_bucket_policy.lambda_bucket_policy');
      attrs.policy = String(attrs.policy).replace('wallenstam-lambda-bucket/*', 'other-bucket/*');
    });
    expect(failing((await againstState(path)).rows)).toEqual([
      { address: 'aws_s3_bucket_policy.lambda_bucket_policy', status: 'changed', paths: ['policy.Statement[0].Resource[0]'] },
    ]);
  });

  it('a parse_invoice timeout set by hand is a change', async () => {
    const path = mutatedState((s) => {
      stateResource(s, 'module.lambdas.aws_lambda_function.parse_invoice').timeout = 30;
    });
    expect(failing((await againstState(path)).rows)).toEqual([{ address: 'aws_lambda_function.parse_invoice', status: 'changed', paths: ['timeout'] }]);
  });

  it('a notification the stack no longer has is destroyed', async () => {
    const json = stackJson();
    delete (json.resource as Record<string, unknown>).aws_s3_bucket_notification;
    const { rows, exit } = await againstState(STATE_FIXTURE, json);
    expect(row(rows, 'aws_s3_bucket_notification.invoice_upload_trigger').status).toBe('destroy');
    expect(exit).toBe(2);
  });

  it('an extra object in an owned bucket is in scope, so destroyed', async () => {
    const path = mutatedState((s) => {
      const copy = JSON.parse(JSON.stringify(s.resources.find((r) => r.name === 'invoices_path'))) as StateJson['resources'][number];
      copy.name = 'legacy_rental_path';
      copy.instances[0].attributes.key = 'rental-invoices/';
      s.resources.push(copy);
    });
    expect(row((await againstState(path)).rows, 'aws_s3_object.legacy_rental_path').status).toBe('destroy');
  });

  it('the ECR repository already in the state is compared, not imported', async () => {
    const path = mutatedState((s) => {
      s.resources.push({
        mode: 'managed',
        type: 'aws_ecr_repository',
        name: 'invoice_parser',
        instances: [
          {
            attributes: {
              arn: 'arn:aws:ecr:eu-west-1:123456789012:repository/wallenstam/invoice-parser',
              encryption_configuration: [{ encryption_type: 'AES256', kms_key: '' }],
              force_delete: null,
              id: 'wallenstam/invoice-parser',
              image_scanning_configuration: [{ scan_on_push: false }],
              image_tag_mutability: 'MUTABLE',
              name: 'wallenstam/invoice-parser',
              registry_id: '123456789012',
              repository_url: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/wallenstam/invoice-parser',
            },
          },
        ],
      });
    });
    const ecr = row((await againstState(path)).rows, 'aws_ecr_repository.invoice_parser');
    expect(ecr.status).toBe('changed');
    expect(ecr.diffs.map((d) => d.path)).toEqual(['image_scanning_configuration.scan_on_push']);
  });

  it('a state already migrated (root addresses) reports same, not moved', async () => {
    const path = mutatedState((s) => {
      for (const r of s.resources) if (r.module === 'module.lambdas' && r.type === 'aws_lambda_permission') delete r.module;
    });
    expect(row((await againstState(path)).rows, 'aws_lambda_permission.allow_s3_invoke_parse_invoice').status).toBe('same');
  });
});
