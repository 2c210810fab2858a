import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtOrPlaceholderBundles, placeholderBundles } from '../../app/bundles';
import { cdktfJsonContext, configuredStackJsonPath, synthesizePayPulse } from '../../app/synthesize';

describe('synthesizePayPulse (the path main.ts, the plan tools and the local pipeline share)', () => {
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

  it('locates the synthesized stack by the stack id cdktf.json configures, as the synth writes it', () => {
    const root = join(dir, 'custom-id');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'cdktf.json'), JSON.stringify({ app: 'x', context: { paypulse: { stackId: 'acme' } } }));
    expect(configuredStackJsonPath(root, {})).toBe(join(root, 'cdktf.out', 'stacks', 'acme', 'cdk.tf.json'));
    expect(configuredStackJsonPath(join(dir, 'nowhere'), {})).toBe(join(dir, 'nowhere', 'cdktf.out', 'stacks', 'paypulse', 'cdk.tf.json'));
  });

  it('reads no context from a missing or broken cdktf.json', () => {
    expect(cdktfJsonContext(join(dir, 'nowhere'))).toEqual({});
  });
});

describe('builtOrPlaceholderBundles', () => {
  it('uses the build where it lists a function and a placeholder, noted, where it does not', () => {
    const root = mkdtempSync(join(tmpdir(), 'paypulse-partial-build-'));
    try {
      mkdirSync(join(root, 'dist'));
      writeFileSync(join(root, 'dist', 'parse_invoice.zip'), 'zip');
      writeFileSync(
        join(root, 'dist', 'manifest.json'),
        JSON.stringify({
          functions: {
            parse_invoice: { sourceDir: 'handlers/parse-invoice', bundle: 'dist/parse_invoice/index.js', zip: 'dist/parse_invoice.zip', sha256: 'a'.repeat(64), base64sha256: 'x', size: 3 },
          },
        }),
      );
      const { bundles, fellBack } = builtOrPlaceholderBundles(join(root, 'placeholders'), root);
      expect(bundles('parse_invoice')).toEqual({ path: join(root, 'dist', 'parse_invoice.zip'), sha256: 'a'.repeat(64) });
      expect(bundles('parse_retail_invoice').path).toBe(join(root, 'placeholders', 'parse_retail_invoice.placeholder.zip'));
      expect([...fellBack]).toEqual(['parse_retail_invoice']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
