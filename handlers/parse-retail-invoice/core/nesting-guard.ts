/**
 * Flattens absurd nesting before the HTML parser sees it. htmlparser2 keeps its
 * open-element stack with `unshift`, so each open tag costs O(depth): 300,000
 * unclosed `<div>`s take minutes. Tags that would open deeper than `maxDepth`
 * (and their matching close tags) are dropped; their text stays. One linear scan.
 *
 * The limit must stay well below the depth the text reader walks to
 * (`MAX_DEPTH` in text-lines.ts, 200), with room for the elements this scan does not
 * count (p, li, ...): text kept here at depth 1,000 was skipped there, so a receipt
 * nested 100,000 deep lost its total and was answered `rejected_zero_amount`.
 */
export const MAX_OPEN_ELEMENTS = 120;

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*?(\/?)>/g;
// Void elements never nest; these are usually left unclosed and closed implicitly by the parser.
const NOT_COUNTED = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'option', 'dt', 'dd',
]);

export function flattenDeepNesting(html: string, maxDepth = MAX_OPEN_ELEMENTS): string {
  let depth = 0;
  let dropped = 0;
  let last = 0;
  const kept: string[] = [];
  for (const m of html.matchAll(TAG)) {
    const name = m[2].toLowerCase();
    if (NOT_COUNTED.has(name) || m[3] === '/') continue;
    const index = m.index ?? 0;
    if (m[1] === '/') {
      if (dropped > 0) {
        dropped--;
        kept.push(html.slice(last, index));
        last = index + m[0].length;
      } else if (depth > 0) depth--;
    } else if (depth >= maxDepth) {
      dropped++;
      kept.push(html.slice(last, index));
      last = index + m[0].length;
    } else depth++;
  }
  if (kept.length === 0) return html;
  kept.push(html.slice(last));
  return kept.join('');
}
