/** A canonical string split into literal text and the `${...}` interpolations in it. */
export type Segment = { readonly text: string } | { readonly expr: string };

/** Splits a canonical string (see model.ts) at its interpolations, respecting nested braces and strings. */
export function splitInterpolations(value: string): Segment[] {
  const segments: Segment[] = [];
  let text = '';
  let i = 0;
  while (i < value.length) {
    if (!value.startsWith('${', i)) {
      text += value[i++];
      continue;
    }
    let depth = 1;
    let j = i + 2;
    let inString = false;
    for (; j < value.length && depth > 0; j++) {
      const c = value[j];
      if (inString) {
        if (c === '\\') j++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
    }
    if (depth > 0) {
      text += value.slice(i);
      break;
    }
    if (text) segments.push({ text });
    text = '';
    segments.push({ expr: value.slice(i + 2, j - 1) });
    i = j;
  }
  if (text || segments.length === 0) segments.push({ text });
  return segments;
}
