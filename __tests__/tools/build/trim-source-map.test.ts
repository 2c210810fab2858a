import { SourceMap } from 'node:module';
import { isProjectSource } from '../../../tools/build/bundle-handler';
import { trimSourceMap, type RawSourceMap } from '../../../tools/build/trim-source-map';
import { encodeVlq } from '../../../tools/build/vlq';

/** Encodes absolute segments [column, source, line, sourceColumn, name?] per generated line. */
function encode(lines: number[][][]): string {
  const prev = [0, 0, 0, 0];
  return lines
    .map((segments) => {
      let column = 0;
      return segments
        .map((s) => {
          let out = encodeVlq(s[0] - column);
          column = s[0];
          for (let i = 1; i < s.length; i++) {
            out += encodeVlq(s[i] - prev[i - 1]);
            prev[i - 1] = s[i];
          }
          return out;
        })
        .join(',');
    })
    .join(';');
}

// Line 0: ours (source 0) at col 0, dependency (source 1) at col 10, ours again at col 20 with name 1.
// Line 1: dependency at col 0 with name 0, ours at col 5.
const map: RawSourceMap = {
  version: 3,
  sources: ['../../handlers/a/index.ts', '../../node_modules/dep/index.js', '../../handlers/shared/x.ts'],
  names: ['depName', 'ourName'],
  mappings: encode([
    [
      [0, 0, 0, 0],
      [10, 1, 5, 2],
      [20, 2, 3, 4, 1],
    ],
    [
      [0, 1, 9, 0, 0],
      [5, 0, 7, 1],
    ],
  ]),
};

describe('trimSourceMap', () => {
  const trimmed = trimSourceMap(map, isProjectSource);
  const consumer = new SourceMap(trimmed as unknown as ConstructorParameters<typeof SourceMap>[0]);

  it('keeps only project sources and the names they use', () => {
    expect(trimmed.sources).toEqual(['../../handlers/a/index.ts', '../../handlers/shared/x.ts']);
    expect(trimmed.names).toEqual(['ourName']);
  });

  it('still maps project code to its original position', () => {
    expect(consumer.findEntry(0, 2)).toMatchObject({ originalSource: expect.stringContaining('handlers/a/index.ts'), originalLine: 0, originalColumn: 0 });
    expect(consumer.findEntry(0, 25)).toMatchObject({ originalSource: expect.stringContaining('handlers/shared/x.ts'), originalLine: 3, originalColumn: 4, name: 'ourName' });
    expect(consumer.findEntry(1, 6)).toMatchObject({ originalSource: expect.stringContaining('handlers/a/index.ts'), originalLine: 7, originalColumn: 1 });
  });

  it('leaves dependency code unmapped instead of blaming the preceding project segment', () => {
    const entry = consumer.findEntry(0, 12) as { originalSource?: string };
    expect(entry.originalSource).toBeUndefined();
  });

  it('is the identity on mappings when every source is kept', () => {
    expect(trimSourceMap(map, () => true)).toEqual(map);
  });

  it.each([
    ['../../handlers/parse-invoice/index.ts', true],
    ['../../node_modules/@aws-sdk/client-s3/dist-es/index.js', false],
    ['webpack://pdf.js/node_modules/core-js/internals/is-object.js', false],
    ['webpack://pdf.js/src/core/parser.js', false],
  ])('treats %s as project source: %s', (source, expected) => {
    expect(isProjectSource(source)).toBe(expected);
  });
});
