import { build } from 'esbuild';
import * as path from 'node:path';
import { markSchemasPure, pureSdkSchemasPlugin } from '../../../tools/build/pure-sdk-schemas-plugin';

describe('markSchemasPure', () => {
  it('wraps each exported schema array, single- or multi-line, in a pure call with the same value', () => {
    const source = ['const _e = "error";', 'export var A$ = [-3, n0, _A,', '    { [_e]: _c },', '    [],', '    []', '];', 'export var L = [1, n0, _L, 0, () => A$];', 'reg.registerError(A$, A);'].join('\n');
    expect(markSchemasPure(source)).toBe(
      [
        'const _e = "error";',
        'export var A$ = /* @__PURE__ */ (() => [-3, n0, _A,\n    { [_e]: _c },\n    [],\n    []\n])();',
        'export var L = /* @__PURE__ */ (() => [1, n0, _L, 0, () => A$])();',
        'reg.registerError(A$, A);',
      ].join('\n'),
    );
  });
});

describe('pureSdkSchemasPlugin', () => {
  it('keeps the schemas of the S3 operations used and drops the others', async () => {
    const options = {
      stdin: { contents: 'export { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";', resolveDir: path.resolve(__dirname, '../../..'), loader: 'js' as const },
      bundle: true,
      write: false,
      platform: 'node' as const,
      format: 'cjs' as const,
      mainFields: ['module', 'main'],
      logLevel: 'silent' as const,
    };
    const [plain, pure] = await Promise.all([build(options), build({ ...options, plugins: [pureSdkSchemasPlugin()] })]);
    const plainCode = plain.outputFiles?.[0]?.text ?? '';
    const pureCode = pure.outputFiles?.[0]?.text ?? '';
    // Without the plugin an operation nobody calls is still declared.
    expect(plainCode).toMatch(/var PutBucketAnalyticsConfiguration\$ = /);
    expect(pureCode).not.toMatch(/var PutBucketAnalyticsConfiguration\$ = /);
    expect(pureCode).toMatch(/var GetObject\$ = /);
    expect(pureCode.length).toBeLessThan(plainCode.length - 50_000);
  }, 60_000);
});
