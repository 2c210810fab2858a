/**
 * Positioned text → visual lines. Producers write text in any order (a whole label
 * column, then the whole amount column; or row by row; or one item per glyph), so
 * lines are rebuilt from coordinates alone: items on the same baseline form a line,
 * and wide horizontal gaps split a line into segments (table cells).
 */
import { normalizeDashes, normalizeRuns, splitAtLeaders, undoOverstrike } from './glyph-runs';
import type { TextItem } from './text-item';

export type { TextItem };

/** A run of items on one line with no wide gap in between: one table cell. */
export interface Segment {
  readonly text: string;
  readonly x: number;
  readonly right: number;
}

export interface TextLine {
  readonly y: number;
  /** The page the line is on (1-based). */
  readonly page: number;
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
/** Letter-spacing wider than this fraction of the font size is not read as tracking. */
const MAX_TRACKING = 0.5;
/** A run starting this fraction of the font size inside the previous one is struck over it. */
const RESTRIKE_OVERLAP = 0.12;
/** A superscript or subscript is at most this fraction of its line's font size… */
const SCRIPT_SIZE = 0.9;
/** …raised at most this fraction of it above the baseline, or lowered at most this much below… */
const SCRIPT_RISE = 0.6;
const SCRIPT_DROP = 0.35;
/** …and starts within this fraction of it after a glyph of the line. */
const SCRIPT_REACH = 0.4;

export function normalizeSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u2009\u202f]+/g, ' ').trim();
}

function isOneGlyph(text: string): boolean {
  return text.length === 1 || (text.length === 2 && (text.codePointAt(0) ?? 0) > 0xffff);
}

/**
 * The gap letter-spacing leaves between glyphs, in points: the typical gap between
 * neighbouring single-glyph items, when there are enough of them and it is small.
 * Gaps up to it are inside a word, not spaces.
 */
function trackingOf(items: readonly TextItem[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1];
    const b = items[i];
    if (isOneGlyph(a.text) && isOneGlyph(b.text)) gaps.push(b.x - (a.x + a.width));
  }
  if (gaps.length < 3) return 0;
  gaps.sort((a, b) => a - b);
  const median = gaps[gaps.length >> 1];
  const height = items[0].height;
  return median > WORD_GAP * height && median <= MAX_TRACKING * height ? median : 0;
}

function joinItems(items: readonly TextItem[]): Segment {
  let text = '';
  let right = -Infinity;
  const tracking = items.length > 3 ? trackingOf(items) : 0;
  // Overstrike bold: a chain of items each starting well inside the previous one, every glyph printed twice.
  let chain = '';
  let chained = 0;
  const endChain = () => {
    text += chained > 1 ? (undoOverstrike(chain) ?? chain) : chain;
  };
  for (const item of items) {
    const gap = item.x - right;
    if (chained > 0 && gap < -RESTRIKE_OVERLAP * item.height) {
      chain += item.text;
      chained++;
    } else {
      endChain();
      chain = item.text;
      chained = 1;
      const size = Math.max(item.height, items[0].height);
      if (text !== '' && gap > WORD_GAP * size + tracking && !text.endsWith(' ') && !item.text.startsWith(' ')) text += ' ';
    }
    right = Math.max(right, item.x + item.width);
  }
  endChain();
  return { text: normalizeDashes(normalizeSpaces(text)), x: items[0].x, right };
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
  // A label, dot leaders and an amount are one run of text; the leaders divide it into two cells.
  return groups
    .map(joinItems)
    .flatMap((s) => splitAtLeaders({ text: s.text, x: s.x, width: s.right - s.x }).map((p) => ({ text: p.text, x: p.x, right: p.x + p.width })))
    .filter((s) => s.text !== '');
}

interface Cluster {
  readonly y: number;
  height: number;
  readonly items: TextItem[];
}

/** The line whose baseline `item` sits on, if any. */
function sameBaseline(clusters: readonly Cluster[], item: TextItem): Cluster | undefined {
  let best: Cluster | undefined;
  for (const c of clusters) {
    const distance = Math.abs(item.y - c.y);
    if (distance <= Math.max(SAME_LINE * Math.min(item.height, c.height), 1) && (!best || distance < Math.abs(item.y - best.y))) best = c;
  }
  return best;
}

/** The line a smaller glyph is a superscript or subscript of: raised or lowered within the line, right after its text. */
function scriptHost(clusters: readonly Cluster[], item: TextItem): Cluster | undefined {
  let best: Cluster | undefined;
  for (const c of clusters) {
    if (item.height > SCRIPT_SIZE * c.height) continue;
    if (item.y < c.y - SCRIPT_RISE * c.height || item.y > c.y + SCRIPT_DROP * c.height) continue;
    const attached = c.items.some((i) => item.x >= i.x && item.x <= i.x + i.width + SCRIPT_REACH * c.height);
    if (attached && (!best || Math.abs(item.y - c.y) < Math.abs(item.y - best.y))) best = c;
  }
  return best;
}

/**
 * Groups text items into lines, top to bottom, each split into left-to-right segments.
 * Runs are normalised first (leaders, letter-spacing, overstrike; see glyph-runs.ts).
 * Larger text is placed first, so a raised or lowered small glyph (`m³`, `V₁`) joins
 * the line it belongs to instead of making a line of its own.
 */
export function groupLines(items: readonly TextItem[]): TextLine[] {
  const sorted = normalizeRuns(items).sort((a, b) => b.height - a.height || a.y - b.y || a.x - b.x);
  const clusters: Cluster[] = [];
  for (const item of sorted) {
    const home = sameBaseline(clusters, item) ?? scriptHost(clusters, item);
    if (home) {
      home.items.push(item);
      home.height = Math.max(home.height, item.height);
    } else {
      clusters.push({ y: item.y, height: item.height, items: [item] });
    }
  }
  clusters.sort((a, b) => a.y - b.y);
  return clusters.map(({ y, height, items: lineItems }) => {
    const segments = toSegments(lineItems);
    return { y, page: lineItems[0].page ?? 1, height, segments, text: segments.map((s) => s.text).join(' ') };
  });
}
