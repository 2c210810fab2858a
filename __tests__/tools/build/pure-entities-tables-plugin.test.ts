import { markTablePure } from '../../../tools/build/pure-entities-tables-plugin';

describe('markTablePure', () => {
  it('wraps a generated table in a pure call with the same value, leaving the rest of the file', () => {
    const source = ['// Generated using scripts/write-decode-map.ts', 'export default new Uint16Array(', '"\\u1d41<"', '    .split("")', '    .map((c) => c.charCodeAt(0)));', '//# sourceMappingURL=decode-data-html.js.map'].join('\n');
    const out = markTablePure(source);
    expect(out).toBe(
      [
        '// Generated using scripts/write-decode-map.ts',
        'export default /* @__PURE__ */ (() => new Uint16Array(\n"\\u1d41<"\n    .split("")\n    .map((c) => c.charCodeAt(0))))();',
        '//# sourceMappingURL=decode-data-html.js.map',
      ].join('\n'),
    );
    const value = (code: string) => new Function(code.replace('export default', 'return').replace(/\/\/#.*$/m, ''))() as Uint16Array;
    expect([...value(out)]).toEqual([...value(source)]);
  });

  it("marks decode.js's decoders over the tables pure, and nothing else there", () => {
    const source = ['function getDecoder(decodeTree) { return decodeTree; }', 'const htmlDecoder = getDecoder(htmlDecodeTree);', 'const xmlDecoder = getDecoder(xmlDecodeTree);', 'export function decodeHTML(s) { return htmlDecoder(s); }'].join('\n');
    expect(markTablePure(source)).toBe(
      [
        'function getDecoder(decodeTree) { return decodeTree; }',
        'const htmlDecoder = /* @__PURE__ */ getDecoder(htmlDecodeTree);',
        'const xmlDecoder = /* @__PURE__ */ getDecoder(xmlDecodeTree);',
        'export function decodeHTML(s) { return htmlDecoder(s); }',
      ].join('\n'),
    );
  });

  it('leaves a file without a default-exported table unchanged', () => {
    expect(markTablePure('export const x = 1;')).toBe('export const x = 1;');
  });
});
