import { bundlesFromManifest } from '../../app/bundles';
import { fakeBundles, resource, synthPayPulse, synthPayPulseWith } from '../support/synth';

describe('zip artifacts of handlers in handlers/', () => {
  describe('managed (default)', () => {
    const { tf } = synthPayPulse();
    const object = resource(tf, 'aws_s3_object.parse_retail_invoice_zip');

    it('uploads the built zip to <fn>.zip in the lambda bucket, with source_hash = the zip’s SHA-256', () => {
      const bundle = fakeBundles('parse_retail_invoice');
      expect(object).toMatchObject({
        bucket: '${aws_s3_bucket.lambda_bucket.id}',
        key: 'parse_retail_invoice.zip',
        source_hash: bundle.sha256,
        content_type: 'application/zip',
      });
      // The asset is staged under its content hash, relative to the stack directory.
      expect(object.source).toBe(`assets/lambda-artifacts_parse_retail_invoice-asset_003290F9/${bundle.sha256}/parse_retail_invoice.zip`);
    });

    it('waits for bucket versioning, so the object always has a version_id', () => {
      expect(object.depends_on).toEqual(['aws_s3_bucket_versioning.lambda_bucket_versioning']);
    });

    it('wires the function to that object’s version_id', () => {
      expect(resource(tf, 'aws_lambda_function.parse_retail_invoice')).toMatchObject({
        s3_bucket: '${aws_s3_bucket.lambda_bucket.id}',
        s3_key: 'parse_retail_invoice.zip',
        s3_object_version: '${aws_s3_object.parse_retail_invoice_zip.version_id}',
      });
      expect(tf.data?.aws_s3_object?.parse_retail_invoice_zip).toBeUndefined();
    });

    it('changes source_hash and the staged asset (hence the object version, hence the function) when the bundle changes', () => {
      const changed = synthPayPulseWith((fn) => (fn === 'parse_retail_invoice' ? { ...fakeBundles(fn), sha256: 'f'.repeat(64) } : fakeBundles(fn)));
      const changedObject = resource(changed.tf, 'aws_s3_object.parse_retail_invoice_zip');
      expect(changedObject.source_hash).toBe('f'.repeat(64));
      expect(changedObject.source).toContain(`/${'f'.repeat(64)}/`);
      expect(changedObject.source_hash).not.toBe(object.source_hash);
    });
  });

  describe('external', () => {
    const { tf } = synthPayPulse({ zipArtifacts: 'external' });

    it('reads the current version of <fn>.zip with data "aws_s3_object" "<fn>_zip" and uploads nothing', () => {
      expect(tf.resource.aws_s3_object?.parse_retail_invoice_zip).toBeUndefined();
      expect(tf.data?.aws_s3_object?.parse_retail_invoice_zip).toEqual({
        bucket: '${aws_s3_bucket.lambda_bucket.id}',
        key: 'parse_retail_invoice.zip',
      });
      expect(resource(tf, 'aws_lambda_function.parse_retail_invoice').s3_object_version).toBe(
        '${data.aws_s3_object.parse_retail_invoice_zip.version_id}',
      );
    });
  });

  it('fails the synth with a clear message when a bundle is missing', () => {
    expect(() => synthPayPulseWith(bundlesFromManifest({ functions: {} }, '/repo'))).toThrow(
      /No built bundle for parse_invoice .*npm run build:handlers/,
    );
  });
});
