import { bundleSnippet } from '../../support/bundle-snippet';
import { restoreEnv, saveEnv } from '../../support/saved-env';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lambdaCredentialsPlugin } from '../../../tools/build/lambda-credentials-plugin';
import { staticSdkImportsPlugin } from '../../../tools/build/static-sdk-imports-plugin';

interface BundledS3 {
  S3Client: new (config: { region: string }) => { config: { credentials: () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }> } };
}

describe('lambdaCredentialsPlugin', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lambda-credentials-'));
  const bundlePath = path.join(dir, 'bundle.cjs');
  let code = '';
  const saved = saveEnv(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']);

  beforeAll(async () => {
    code = await bundleSnippet('export { S3Client } from "@aws-sdk/client-s3";', [staticSdkImportsPlugin(), lambdaCredentialsPlugin()]);
    writeFileSync(bundlePath, code);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => restoreEnv(saved));

  it('leaves the rest of the default chain (ini files, SSO, process, web identity, STS) out of the bundle', () => {
    expect(code).toContain('Unable to find environment variable credentials');
    for (const gone of ['credential-provider-ini', 'fromSSO', 'fromProcess', 'fromTokenFile', 'AssumeRoleWithWebIdentity', 'child_process']) expect(code).not.toContain(gone);
  });

  it('resolves the credentials Lambda puts in the environment, and fails clearly without them', async () => {
    const { S3Client } = require(bundlePath) as BundledS3;
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret';
    process.env.AWS_SESSION_TOKEN = 'session';
    await expect(new S3Client({ region: 'eu-west-1' }).config.credentials()).resolves.toMatchObject({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'session' });
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    await expect(new S3Client({ region: 'eu-west-1' }).config.credentials()).rejects.toThrow(/Unable to find environment variable credentials/);
  });
});
