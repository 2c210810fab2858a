import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cdktfJsonContext, placeholderBundles, synthesizePayPulse } from '../../scripts/synth/synthesize';

describe('synthesizePayPulse (the path main.ts, parity and the local pipeline share)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paypulse-synth-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('honours cdktf.json’s context even when run without the cdktf CLI', () => {
    writeFileSync(join(dir, 'cdktf.json'), JSON.stringify({ app: 'x', context: { paypulse: { hardened: true, invoicesBucketName: 'acme-invoices' } } }));
    const { config, stackFile } = synthesizePayPulse({
      outdir: join(dir, 'out'),
      bundles: placeholderBundles(join(dir, 'bundles')),
      context: cdktfJsonContext(dir),
      env: {},
    });
    expect(config).toMatchObject({ hardened: true, invoicesBucketName: 'acme-invoices' });
    expect(stackFile).toBe(join(dir, 'out', 'stacks', 'paypulse', 'cdk.tf.json'));
    const tf = JSON.parse(readFileSync(stackFile, 'utf8'));
    expect(tf.variable.invoices_bucket_name.default).toBe('acme-invoices');
    expect(tf.resource.aws_lambda_permission.allow_s3_invoke_parse_invoice.source_account).toBe('${data.aws_caller_identity.current.account_id}');
  });

  it('lets the environment override the context', () => {
    const { config } = synthesizePayPulse({
      outdir: join(dir, 'out2'),
      bundles: placeholderBundles(join(dir, 'bundles')),
      context: { paypulse: { region: 'eu-north-1' } },
      env: { PAYPULSE_REGION: 'eu-central-1' },
    });
    expect(config.region).toBe('eu-central-1');
  });

  it('reads no context from a missing or broken cdktf.json', () => {
    expect(cdktfJsonContext(join(dir, 'nowhere'))).toEqual({});
  });
});
