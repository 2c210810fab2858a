import { bundleSnippet } from '../../support/bundle-snippet';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { NATIVE_DECODE_BASE64, nativeBase64EntitiesPlugin, replaceDecodeBase64 } from '../../../tools/build/native-base64-entities-plugin';

const ROOT = path.resolve(__dirname, '../../..');
const ENTITIES = path.join(ROOT, 'node_modules', 'htmlparser2', 'node_modules', 'entities', 'dist');

type Decode = (input: string) => Uint16Array;

/** The replacement decoder, optionally with the big-endian path forced. */
function nativeDecoder({ bigEndian = false } = {}): Decode {
  let source = NATIVE_DECODE_BASE64.replace('export function', 'function');
  if (bigEndian) source = source.replace(/const LITTLE_ENDIAN = .*;/, 'const LITTLE_ENDIAN = false;');
  return new Function(`${source}\nreturn decodeBase64;`)() as Decode;
}

// The package's own decoder (its CommonJS build, which the plugin does not touch).
const original = (require(path.join(ENTITIES, 'commonjs', 'internal', 'decode-shared.js')) as { decodeBase64: Decode }).decodeBase64;

function generatedTreeInput(file: string): string {
  const match = /decodeBase64\("([A-Za-z0-9+/=]+)"\)/.exec(readFileSync(path.join(ENTITIES, 'esm', 'generated', file), 'utf8'));
  if (!match) throw new Error(`no decodeBase64 call in ${file}`);
  return match[1];
}

describe('NATIVE_DECODE_BASE64', () => {
  it.each(['decode-data-html.js', 'decode-data-xml.js'])('decodes the generated %s tree exactly as the package does, on either byte order', (file) => {
    const input = generatedTreeInput(file);
    const expected = original(input);
    expect(expected.length).toBeGreaterThan(10);
    expect(nativeDecoder()(input)).toEqual(expected);
    expect(nativeDecoder({ bigEndian: true })(input)).toEqual(expected);
  });

  it('drops a trailing odd byte and decodes the empty string, like the original', () => {
    for (const bytes of [[], [0x41], [0x41, 0x42], [0x41, 0x42, 0xff], [0xff, 0xfe, 0x01, 0x80]]) {
      const input = Buffer.from(bytes).toString('base64');
      expect(nativeDecoder()(input)).toEqual(original(input));
      expect(nativeDecoder({ bigEndian: true })(input)).toEqual(original(input));
    }
    expect([...nativeDecoder()(Buffer.from([0x34, 0x12, 0xcd, 0xab]).toString('base64'))]).toEqual([0x1234, 0xabcd]);
  });
});

describe('replaceDecodeBase64', () => {
  it('replaces the module that exports only decodeBase64', () => {
    const source = readFileSync(path.join(ENTITIES, 'esm', 'internal', 'decode-shared.js'), 'utf8');
    expect(replaceDecodeBase64(source, 'decode-shared.js')).toBe(NATIVE_DECODE_BASE64);
  });

  it('refuses a file that changed shape (an entities upgrade is re-checked, not silently replaced)', () => {
    expect(() => replaceDecodeBase64('export function decodeBase64(input, table) {}', 'x.js')).toThrow(/re-check/);
    expect(() => replaceDecodeBase64('export function decodeBase64(input) {}\nexport const other = 1;', 'x.js')).toThrow(/only `decodeBase64\(input\)`/);
  });
});

describe('nativeBase64EntitiesPlugin', () => {
  it("bundles htmlparser2 without atob, and its entity decoding still works", async () => {
    const code = await bundleSnippet('export { parseDocument } from "htmlparser2";', [nativeBase64EntitiesPlugin()]);
    expect(code).not.toContain('atob(');
    expect(code).toContain('Buffer.from(input, "base64")');
    const module = { exports: {} as { parseDocument: (html: string) => { children: Array<{ children: Array<{ data: string }> }> } } };
    new Function('module', 'exports', 'require', code)(module, module.exports, require);
    const doc = module.exports.parseDocument('<p>&eacute;&amp;&#x41;&NotNestedGreaterGreater;&nbsp</p>');
    expect(doc.children[0].children[0].data).toBe('é&A\u2aa2\u0338\u00a0');
  });
});
