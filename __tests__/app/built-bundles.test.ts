import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readManifest, REPO_ROOT } from '../../tools/build';
import { bundlesFromManifest } from '../../app/bundles';
import { resource, synthPayPulseWith } from '../support/synth';

/** The stack wired to the real build in dist/ (jest's global setup builds it once per run; the construct tests use fake bundles). */
describe('stack with the real handler build', () => {
  it('sets source_hash to the SHA-256 of the built zip, and tags the image by the parse_invoice bundle', () => {
    const manifest = readManifest();
    const { tf } = synthPayPulseWith(bundlesFromManifest(manifest, REPO_ROOT));
    const sha256 = (fn: string) => createHash('sha256').update(readFileSync(resolve(REPO_ROOT, manifest.functions[fn].zip))).digest('hex');

    const object = resource(tf, 'aws_s3_object.parse_retail_invoice_zip');
    expect(object.source_hash).toBe(sha256('parse_retail_invoice'));
    expect(object.source).toContain(`/${sha256('parse_retail_invoice')}/parse_retail_invoice.zip`);
    expect((resource(tf, 'docker_image.invoice_parser').triggers as Record<string, string>).bundle_sha256).toBe(sha256('parse_invoice'));
  });
});
