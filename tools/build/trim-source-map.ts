import { decodeVlqSegment, encodeVlq } from './vlq';

export interface RawSourceMap {
  readonly version: number;
  readonly sources: readonly string[];
  readonly names: readonly string[];
  readonly mappings: string;
  readonly sourceRoot?: string;
  readonly sourcesContent?: readonly (string | null)[];
}

/** A decoded segment with absolute values; `source` undefined = unmapped column. */
interface Segment {
  readonly column: number;
  readonly source?: number;
  readonly line?: number;
  readonly sourceColumn?: number;
  readonly name?: number;
}

function decodeMappings(mappings: string): Segment[][] {
  let source = 0;
  let line = 0;
  let sourceColumn = 0;
  let name = 0;
  return mappings.split(';').map((lineText) => {
    let column = 0;
    return lineText
      .split(',')
      .filter((s) => s !== '')
      .map((text) => {
        const f = decodeVlqSegment(text);
        column += f[0];
        if (f.length < 4) return { column };
        source += f[1];
        line += f[2];
        sourceColumn += f[3];
        if (f.length < 5) return { column, source, line, sourceColumn };
        name += f[4];
        return { column, source, line, sourceColumn, name };
      });
  });
}

function encodeMappings(lines: readonly Segment[][]): string {
  let source = 0;
  let line = 0;
  let sourceColumn = 0;
  let name = 0;
  return lines
    .map((segments) => {
      let column = 0;
      return segments
        .map((s) => {
          let out = encodeVlq(s.column - column);
          column = s.column;
          if (s.source === undefined || s.line === undefined || s.sourceColumn === undefined) return out;
          out += encodeVlq(s.source - source) + encodeVlq(s.line - line) + encodeVlq(s.sourceColumn - sourceColumn);
          [source, line, sourceColumn] = [s.source, s.line, s.sourceColumn];
          if (s.name !== undefined) {
            out += encodeVlq(s.name - name);
            name = s.name;
          }
          return out;
        })
        .join(',');
    })
    .join(';');
}

/**
 * Keeps the mappings of the sources `keep` accepts and drops the others (their code
 * becomes unmapped rather than attributed to the preceding kept segment), then
 * compacts `sources`, `sourcesContent` and `names` to what is still referenced.
 */
export function trimSourceMap(map: RawSourceMap, keep: (source: string) => boolean): RawSourceMap {
  const keptSources = map.sources.map((s, i) => (keep(s) ? i : -1)).filter((i) => i >= 0);
  const sourceIndex = new Map(keptSources.map((old, i) => [old, i]));
  const lines = decodeMappings(map.mappings).map((segments) => {
    const out: Segment[] = [];
    for (const s of segments) {
      const source = s.source === undefined ? undefined : sourceIndex.get(s.source);
      if (source !== undefined) {
        out.push({ ...s, source });
      } else if (out.length > 0 && out[out.length - 1].source !== undefined) {
        // An unmapped marker is only needed to end a preceding mapped segment.
        out.push({ column: s.column });
      }
    }
    return out;
  });
  // Names still referenced, in their original order.
  const keptNames = [...new Set(lines.flat().flatMap((s) => (s.name === undefined ? [] : [s.name])))].sort((a, b) => a - b);
  const nameIndex = new Map(keptNames.map((old, i) => [old, i]));
  const renamed = lines.map((segments) => segments.map((s) => (s.name === undefined ? s : { ...s, name: nameIndex.get(s.name) })));
  return {
    ...map,
    sources: keptSources.map((i) => map.sources[i]),
    ...(map.sourcesContent ? { sourcesContent: keptSources.map((i) => map.sourcesContent?.[i] ?? null) } : {}),
    names: keptNames.map((i) => map.names[i]),
    mappings: encodeMappings(renamed),
  };
}
