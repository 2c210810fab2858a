import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lambdaSharedConfigPlugin } from '../../../tools/build/lambda-shared-config-plugin';
import { staticSdkImportsPlugin } from '../../../tools/build/static-sdk-imports-plugin';
import { bundleSnippet } from '../../support/bundle-snippet';
import { restoreEnv, saveEnv } from '../../support/saved-env';

interface BundledConfig {
  loadConfig: <T>(options: { environmentVariableSelector: (env: NodeJS.ProcessEnv) => T | undefined; configFileSelector: (profile: Record<string, string>) => T | undefined; default: T }) => () => Promise<T>;
}

/** A setting read the way the SDK clients read theirs (retry mode, FIPS, checksums ...). */
const RETRY_MODE = {
  environmentVariableSelector: (env: NodeJS.ProcessEnv) => env.AWS_RETRY_MODE,
  configFileSelector: (profile: Record<string, string>) => profile.retry_mode,
  default: 'standard',
};
const VARIABLES = ['AWS_RETRY_MODE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE'];

describe('lambdaSharedConfigPlugin', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lambda-shared-config-'));
  const bundlePath = path.join(dir, 'bundle.cjs');
  const unpluggedPath = path.join(dir, 'unplugged.cjs');
  const configFile = path.join(dir, 'config');
  writeFileSync(configFile, '[default]\nretry_mode = adaptive\n');
  let withPlugin = '';
  let without = '';
  const saved = saveEnv(VARIABLES);

  beforeAll(async () => {
    const entry = 'export { loadConfig } from "@smithy/core/config";';
    [withPlugin, without] = await Promise.all([bundleSnippet(entry, [staticSdkImportsPlugin(), lambdaSharedConfigPlugin()]), bundleSnippet(entry, [staticSdkImportsPlugin()])]);
    writeFileSync(bundlePath, withPlugin);
    writeFileSync(unpluggedPath, without);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => restoreEnv(saved));

  it('leaves the shared config file reader (fs/promises, the ini parser) out of the bundle', () => {
    expect(without).toContain('node:fs/promises');
    expect(withPlugin).not.toContain('node:fs/promises');
    expect(withPlugin).toContain('the handler bundle reads no shared config files');
  });

  it('takes a setting from the environment first, else the default, as the SDK does where no ~/.aws files exist', async () => {
    const { loadConfig } = require(bundlePath) as BundledConfig;
    for (const k of VARIABLES) delete process.env[k];
    await expect(loadConfig(RETRY_MODE)()).resolves.toBe('standard');
    process.env.AWS_RETRY_MODE = 'adaptive';
    await expect(loadConfig(RETRY_MODE)()).resolves.toBe('adaptive');
  });

  it('fails the call, naming the variable, when the environment points the SDK at a config file it would ignore', async () => {
    const { loadConfig } = require(bundlePath) as BundledConfig;
    for (const k of VARIABLES) delete process.env[k];
    process.env.AWS_CONFIG_FILE = configFile;
    // Without the plugin the SDK reads that file.
    await expect((require(unpluggedPath) as BundledConfig).loadConfig(RETRY_MODE)()).resolves.toBe('adaptive');
    await expect(loadConfig(RETRY_MODE)()).rejects.toThrow('AWS_CONFIG_FILE set, but the handler bundle reads no shared config files: configure the AWS SDK through environment variables instead');
    process.env.AWS_SHARED_CREDENTIALS_FILE = configFile;
    await expect(loadConfig(RETRY_MODE)()).rejects.toThrow(/^AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE set/);
  });
});
