import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildHandlers, REPO_ROOT } from '../../tools/build';
import { bundlesFromManifest } from '../../app/bundles';
import { resource, synthPayPulseWith } from '../support/synth';

/** The stack wired to a real build (the construct tests use fake bundles). */
describe('stack with the real handler build', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'paypulse-built-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('sets source_hash to the SHA-256 of the built zip, and tags the image by the parse_invoice bundle', async () => {
    const manifest = await buildHandlers({ outDir, log: () => undefined });
    const { tf } = synthPayPulseWith(bundlesFromManifest(manifest, REPO_ROOT));
    const sha256 = (fn: string) => createHash('sha256').update(readFileSync(resolve(REPO_ROOT, manifest.functions[fn].zip))).digest('hex');

    const object = resource(tf, 'aws_s3_object.parse_retail_invoice_zip');
    expect(object.source_hash).toBe(sha256('parse_retail_invoice'));
    expect(object.source).toContain(`/${sha256('parse_retail_invoice')}/parse_retail_invoice.zip`);
    expect((resource(tf, 'docker_image.invoice_parser').triggers as Record<string, string>).bundle_sha256).toBe(sha256('parse_invoice'));
  }, 120000);
});
