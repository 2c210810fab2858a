/**
 * Undoing what typesetting does to text runs, before lines are built:
 * dot leaders between a label and its amount, letter-spacing that pdf.js reads as a
 * space after every letter, overstrike bold (every glyph printed twice a hair
 * apart), and dashes that are not hyphens inside dates.
 */
import type { TextItem } from './text-item';

/** Four or more leader glyphs (dots, underscores or dashes), optionally one space apart (`.....`, `. . . .`, `····`, `____`, `----`). */
const LEADER = /[.·…‥_](?: ?[.·…‥_]){3,}|[-‐‑‒–—−](?: ?[-‐‑‒–—−]){3,}/g;

/** Rough advance of a glyph in em, to place the parts of a run split at its leaders. */
function glyphWeight(ch: string): number {
  if (/[.,:;'|!il·]/.test(ch) || ch === ' ') return 0.28;
  if (/[mwMW@%]/.test(ch)) return 0.85;
  if (/[A-ZÅÄÖ]/.test(ch)) return 0.68;
  return 0.55;
}

/**
 * A run (an item or a whole cell) with leaders in it, split into the text around
 * them (`Totalt att betala:.......8 402` → `Totalt att betala:`, `8 402`). Parts are
 * placed by the rough width of their glyphs; the last part keeps the run's right
 * edge exactly.
 */
export function splitAtLeaders<T extends { readonly text: string; readonly x: number; readonly width: number }>(run: T): T[] {
  const text = run.text;
  if (text.search(LEADER) < 0) return [run];
  // offsets[i]: the rough advance (em) of text.slice(0, i); the second half of a surrogate pair adds nothing.
  const offsets = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    offsets.push(offsets[i] + (code >= 0xdc00 && code <= 0xdfff ? 0 : glyphWeight(text[i])));
  }
  const scale = run.width / (offsets[text.length] || 1);
  const parts: T[] = [];
  const push = (from: number, to: number) => {
    const part = text.slice(from, to);
    if (part.trim() !== '') parts.push({ ...run, text: part.trim(), x: run.x + offsets[from] * scale, width: (offsets[to] - offsets[from]) * scale });
  };
  let start = 0;
  for (const m of text.matchAll(LEADER)) {
    push(start, m.index ?? 0);
    start = (m.index ?? 0) + m[0].length;
  }
  push(start, text.length);
  return parts;
}

/** Letter-spaced text as pdf.js gives it, a space after every glyph: three or more single glyphs one space apart. */
const SPACED_GLYPHS = /(?<!\S)\S(?: \S){2,}(?!\S)/g;
/** Two single glyphs one space apart (`E l`), letter-spaced only when the line has longer spaced runs. */
const SPACED_PAIR = /(?<!\S)\S \S(?!\S)/g;

/** `T o t a l t` → `Totalt`; runs of several letters and word gaps (two spaces or more) are left alone. */
export function collapseLetterSpacing(text: string, pairs = false): string {
  if (!text.includes(' ')) return text;
  const collapsed = text.replace(SPACED_GLYPHS, (m) => m.replace(/ /g, ''));
  return pairs ? collapsed.replace(SPACED_PAIR, (m) => m.replace(' ', '')) : collapsed;
}

const DASHES = /[\u2010-\u2013\u2212]/;

/**
 * Hyphens (U+2010, U+2011) → `-`; so are figure dash, en dash and minus between
 * letters or digits (`2025−03−31`, `P−plats`: PostScript's Latin-1 encoding prints
 * `-` as a minus). A minus before a number (`−50,00`) stays.
 */
export function normalizeDashes(text: string): string {
  if (!DASHES.test(text)) return text;
  return text.replace(/[\u2010\u2011]/g, '-').replace(/(?<=[\p{L}\d])[\u2012\u2013\u2212](?=[\p{L}\d])/gu, '-');
}

/**
 * Overstruck text with each glyph doubled (`HHyyrraa  88  440022`) → `Hyra 8 402`,
 * or null when the text is not a sequence of doubled glyphs (spaces may be single).
 */
export function undoOverstrike(text: string): string | null {
  let out = '';
  let doubled = 0;
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (ch === ' ') {
      if (!out.endsWith(' ')) out += ' ';
      i += text[i + 1] === ' ' ? 2 : 1;
      continue;
    }
    if (text[i + 1] !== ch) return null;
    out += ch;
    doubled++;
    i += 2;
  }
  return doubled > 0 ? out : null;
}

/** How far apart (in em) two strikes of one glyph may be. */
const RESTRIKE_DISTANCE = 0.2;
/** How many earlier copies of the same text a restrike is compared with. */
const RESTRIKE_LOOKBACK = 8;
/** Doubled text is at most this wide per character (in em); plain text is about twice as wide. */
const DOUBLED_ADVANCE = 0.36;

/**
 * Items printed twice at almost the same place (overstrike bold by whole runs) keep
 * one copy; a single run whose glyphs are all doubled and that is only half as wide
 * as its characters (`TToottaalltt`) is undoubled.
 */
export function dropRestrikes(items: readonly TextItem[]): TextItem[] {
  const seen = new Map<string, TextItem[]>();
  const out: TextItem[] = [];
  for (const item of items) {
    const reach = RESTRIKE_DISTANCE * item.height;
    const same = seen.get(item.text);
    // A restrike follows its first strike closely in the content stream; looking back a few copies keeps this linear.
    if (same?.slice(-RESTRIKE_LOOKBACK).some((s) => Math.abs(s.x - item.x) <= reach && Math.abs(s.y - item.y) <= reach)) continue;
    if (same) same.push(item);
    else seen.set(item.text, [item]);
    out.push(undoubled(item));
  }
  return out;
}

/** A run of letters or digits with every glyph doubled, only half as wide as its characters (`TToottaalltt`), undoubled. */
function undoubled(item: TextItem): TextItem {
  if (item.text.length < 4 || item.width >= DOUBLED_ADVANCE * item.height * item.text.length || !/[\p{L}\d]/u.test(item.text)) return item;
  const single = undoOverstrike(item.text);
  return single ? { ...item, text: single } : item;
}

/**
 * Each item's letter-spacing collapsed, restrikes removed. Two-glyph
 * words (`E l`) count as letter-spaced on a line that has longer letter-spaced words.
 */
export function normalizeRuns(items: readonly TextItem[]): TextItem[] {
  const runs: TextItem[] = [];
  const spacedBaselines: number[] = [];
  for (const item of items) {
    if (item.text.trim() === '') continue;
    const text = collapseLetterSpacing(item.text);
    if (text !== item.text) spacedBaselines.push(item.y);
    runs.push(text === item.text ? item : { ...item, text });
  }
  if (spacedBaselines.length === 0) return dropRestrikes(runs);
  const onSpacedLine = (run: TextItem) => spacedBaselines.some((y) => Math.abs(y - run.y) <= 0.3 * run.height);
  return dropRestrikes(runs.map((run) => (run.text.search(SPACED_PAIR) >= 0 && onSpacedLine(run) ? { ...run, text: collapseLetterSpacing(run.text, true) } : run)));
}
