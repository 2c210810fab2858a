import { bundleSnippet } from '../../support/bundle-snippet';
import { rewriteDynamicImports, staticSdkImportsPlugin } from '../../../tools/build/static-sdk-imports-plugin';

describe('rewriteDynamicImports', () => {
  it('hoists each bundled dynamic import into one static namespace import', () => {
    const source = [
      'const a = async () => (await import("@aws-sdk/credential-provider-sso")).fromSSO;',
      "const b = async () => (await import('@aws-sdk/credential-provider-sso')).fromSSO;",
      'const c = () => import("./loadSso.js");',
    ].join('\n');
    const out = rewriteDynamicImports(source);
    expect(out).toBe(
      [
        'import * as __staticImport0 from "@aws-sdk/credential-provider-sso";',
        'import * as __staticImport1 from "./loadSso.js";',
        'const a = async () => (await Promise.resolve(__staticImport0)).fromSSO;',
        "const b = async () => (await Promise.resolve(__staticImport0)).fromSSO;",
        'const c = () => Promise.resolve(__staticImport1);',
      ].join('\n'),
    );
    expect(out).not.toContain('import(');
  });

  it('leaves Node built-ins and sources without dynamic imports unchanged', () => {
    const builtin = 'const h = await import("node:http");';
    expect(rewriteDynamicImports(builtin)).toBe(builtin);
    expect(rewriteDynamicImports('export const x = 1;')).toBe('export const x = 1;');
  });
});

describe('staticSdkImportsPlugin', () => {
  it('bundles the AWS SDK without lazy __esm module wrappers', async () => {
    const entry = 'export { S3Client } from "@aws-sdk/client-s3";';
    const wrappers = (code: string) => (code.match(/__esm\(\{/g) ?? []).length;
    const [plain, rewritten] = await Promise.all([bundleSnippet(entry), bundleSnippet(entry, [staticSdkImportsPlugin()])]);
    // Without the plugin the credential chain's dynamic imports wrap hundreds of modules.
    expect(wrappers(plain)).toBeGreaterThan(100);
    expect(rewritten).toContain('S3Client');
    expect(wrappers(rewritten)).toBe(0);
  });
});
