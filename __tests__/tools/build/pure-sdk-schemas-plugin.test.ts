import { bundleSnippet } from '../../support/bundle-snippet';
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
    const entry = 'export { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";';
    const [plainCode, pureCode] = await Promise.all([bundleSnippet(entry), bundleSnippet(entry, [pureSdkSchemasPlugin()])]);
    // Without the plugin an operation nobody calls is still declared.
    expect(plainCode).toMatch(/var PutBucketAnalyticsConfiguration\$ = /);
    expect(pureCode).not.toMatch(/var PutBucketAnalyticsConfiguration\$ = /);
    expect(pureCode).toMatch(/var GetObject\$ = /);
    expect(pureCode.length).toBeLessThan(plainCode.length - 50_000);
  }, 60_000);
});
