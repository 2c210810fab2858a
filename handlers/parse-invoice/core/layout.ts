/**
 * Positioned text → visual lines. Producers write text in any order (a whole label
 * column, then the whole amount column; or row by row; or one item per glyph), so
 * lines are rebuilt from coordinates alone: items on the same baseline form a line,
 * and wide horizontal gaps split a line into segments (table cells).
 */
export interface TextItem {
  readonly text: string;
  /** Left edge, in points from the left of the page. */
  readonly x: number;
  /** Baseline, in points from the top of the first page (pages are stacked). */
  readonly y: number;
  readonly width: number;
  /** Font size in points. */
  readonly height: number;
  /** @default 1 */
  readonly page?: number;
}

/** A run of items on one line with no wide gap in between: one table cell. */
export interface Segment {
  readonly text: string;
  readonly x: number;
  readonly right: number;
}

export interface TextLine {
  readonly y: number;
  /** Font size of the line's tallest item. */
  readonly height: number;
  /** Left to right. */
  readonly segments: readonly Segment[];
  /** The segments joined with single spaces. */
  readonly text: string;
}

/** Baselines closer than this fraction of the font size are one line. */
const SAME_LINE = 0.45;
/** A gap wider than this fraction of the font size starts a new segment. */
const SEGMENT_GAP = 1.0;
/** A gap wider than this fraction of the font size is a space between words. */
const WORD_GAP = 0.12;

export function normalizeSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u2009\u202f]+/g, ' ').trim();
}

function joinItems(items: readonly TextItem[]): Segment {
  let text = '';
  let right = -Infinity;
  for (const item of items) {
    const gap = item.x - right;
    if (text !== '' && gap > WORD_GAP * item.height && !text.endsWith(' ') && !item.text.startsWith(' ')) text += ' ';
    text += item.text;
    right = Math.max(right, item.x + item.width);
  }
  return { text: normalizeSpaces(text), x: items[0].x, right };
}

function toSegments(items: readonly TextItem[]): Segment[] {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  const groups: TextItem[][] = [];
  let right = -Infinity;
  for (const item of sorted) {
    const current = groups[groups.length - 1];
    if (current && item.x - right <= SEGMENT_GAP * item.height) {
      current.push(item);
      right = Math.max(right, item.x + item.width);
    } else {
      groups.push([item]);
      right = item.x + item.width;
    }
  }
  return groups.map(joinItems).filter((s) => s.text !== '');
}

/** Groups text items into lines, top to bottom, each split into left-to-right segments. */
export function groupLines(items: readonly TextItem[]): TextLine[] {
  const sorted = items.filter((i) => i.text.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const clusters: { y: number; height: number; items: TextItem[] }[] = [];
  for (const item of sorted) {
    const last = clusters[clusters.length - 1];
    const tolerance = SAME_LINE * Math.min(item.height, last?.height ?? item.height);
    if (last && Math.abs(item.y - last.y) <= Math.max(tolerance, 1)) {
      last.items.push(item);
      last.height = Math.max(last.height, item.height);
    } else {
      clusters.push({ y: item.y, height: item.height, items: [item] });
    }
  }
  return clusters.map(({ y, height, items: lineItems }) => {
    const segments = toSegments(lineItems);
    return { y, height, segments, text: segments.map((s) => s.text).join(' ') };
  });
}
