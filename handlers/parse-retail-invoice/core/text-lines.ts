import { parseDocument } from 'htmlparser2';
import { flattenDeepNesting } from './nesting-guard';
import { type ClassVisibility, classVisibility, mediaQueryApplies } from './css-visibility';
import { cleanText } from './text-normalize';

/**
 * A receipt's visible text as lines of cells: a table row is one line with one
 * cell per `td`; a block element (div, p, li, br) starts a new line. Label-proximity
 * finders work on this shape: same cell, next cell, next line.
 */
export interface TextLine {
  readonly cells: readonly string[];
  /** The cells joined by a space. */
  readonly text: string;
  /** Rows of the same table share a group; 0 outside tables. */
  readonly group: number;
}

export interface TextDocument {
  readonly lines: readonly TextLine[];
  readonly title: string;
  /** `alt` (else `title`) texts of images that are not tracking pixels, in document order. */
  readonly imageAlts: readonly string[];
  /** `og:site_name`, `application-name` and `author` meta values. */
  readonly siteNames: readonly string[];
  /** The first `lang` attribute in the document (`sv`, `de-DE`), lower case; null when none. */
  readonly lang: string | null;
}

/** Bounds that keep hostile markup (10,000 nested tables, megabytes of divs) linear and shallow. */
export const MAX_DEPTH = 200;
export const MAX_NODES = 150_000;

interface DomNode {
  readonly type: string;
  readonly name?: string;
  readonly data?: string;
  readonly attribs?: Readonly<Record<string, string>>;
  readonly children?: readonly DomNode[];
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'object', 'iframe', 'select', 'head']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'ul', 'body', 'html',
]);
const HIDDEN_CLASS_NAME = /(?:^|[\s_-])(?:preheader|pre-header|preview-?text|preview)(?:$|[\s_-])/i;

/** Every `<style>` block's CSS in document order, minus blocks whose `media` attribute does not hold on desktop. */
function styleBlocksOf(html: string): string[] {
  const blocks: string[] = [];
  for (const m of html.matchAll(/<style\b([^>]*)>([\s\S]*?)<\/style>/gi)) {
    const media = /\bmedia\s*=\s*["']([^"']*)["']/i.exec(m[1]);
    if (!media || mediaQueryApplies(media[1])) blocks.push(m[2]);
  }
  return blocks;
}

function isHidden(attribs: Readonly<Record<string, string>>, visibility: ClassVisibility): boolean {
  if ('hidden' in attribs) return true;
  const classes = attribs.class ? attribs.class.split(/\s+/) : [];
  if (classes.some((c) => visibility.hidden.has(c))) return true;
  const style = (attribs.style ?? '').toLowerCase();
  if (style) {
    const forced = classes.some((c) => visibility.forcedVisible.has(c));
    if (!forced && /display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all|opacity\s*:\s*0(?![.\d])/.test(style)) return true;
    if (!forced && /max-height\s*:\s*0(?![.\d])/.test(style) && /overflow\s*:\s*hidden/.test(style)) return true;
  }
  return attribs.class !== undefined && HIDDEN_CLASS_NAME.test(attribs.class);
}

function isTrackingPixel(attribs: Readonly<Record<string, string>>): boolean {
  const tiny = (v: string | undefined) => v !== undefined && /^\s*[0-2](?:px)?\s*$/.test(v);
  const style = attribs.style ?? '';
  return tiny(attribs.width) || tiny(attribs.height) || /(?:width|height)\s*:\s*[0-2]px/i.test(style) || /display\s*:\s*none/i.test(style);
}

/** Accumulates text into sub-lines, cells, rows and finally lines. */
class LineBuilder {
  readonly lines: TextLine[] = [];
  private row: string[][] = [];
  private cell: string[] = [];
  private buffer = '';
  private readonly tables: number[] = [];
  private tableCount = 0;

  enterTable(): void {
    this.lineBreak();
    this.tables.push(++this.tableCount);
  }

  exitTable(): void {
    this.lineBreak();
    this.tables.pop();
  }

  text(s: string): void {
    this.buffer += s;
  }

  /** A break inside a table cell (`<br>`, a `<p>` in a `<td>`). */
  softBreak(): void {
    const t = cleanText(this.buffer);
    if (t) this.cell.push(t);
    this.buffer = '';
  }

  cellBreak(): void {
    this.softBreak();
    if (this.cell.length) this.row.push(this.cell);
    this.cell = [];
  }

  lineBreak(): void {
    this.cellBreak();
    if (this.row.length) this.emitRow(this.row);
    this.row = [];
  }

  /** Lines of preformatted text, each already split into cells. */
  preformatted(rows: readonly string[][]): void {
    this.lineBreak();
    const group = this.tables[this.tables.length - 1] ?? 0;
    for (const cells of rows) this.lines.push({ cells, text: cells.join(' '), group });
  }

  /**
   * One row of cells (each with sub-lines) to lines. A single cell gives a line per
   * sub-line; columns with equal sub-line counts are read across (a label column
   * beside a value column); otherwise the first sub-lines form the row and the rest
   * follow as their own lines (an item name's description, a label's footnote).
   */
  private emitRow(row: string[][]): void {
    const group = this.tables[this.tables.length - 1] ?? 0;
    const push = (cells: string[]) => this.lines.push({ cells, text: cells.join(' '), group });
    if (row.length === 1) {
      for (const s of row[0]) push([s]);
      return;
    }
    const n = row[0].length;
    if (n > 1 && row.every((c) => c.length === n)) {
      for (let i = 0; i < n; i++) push(row.map((c) => c[i]));
      return;
    }
    if (row.every((c) => c.length >= 2 && !/\d/.test(c[0]))) {
      // Cards side by side, each a stack of label-over-value pairs: read each column down.
      for (const c of row) for (const s of c) push([s]);
      return;
    }
    push(row.map((c) => c[0]));
    for (const c of row) for (const s of c.slice(1)) push([s]);
  }
}

/** Preformatted text (a plain-text body, a `<pre>` till slip): one line per line, columns split at tabs or runs of spaces. */
function plainTextRows(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .map((raw) => raw.split(/\t|\s{3,}/).map(cleanText).filter(Boolean))
    .filter((cells) => cells.length > 0);
}

function readPlainText(text: string): TextDocument {
  const lines = plainTextRows(text).map((cells) => ({ cells, text: cells.join(' '), group: 0 }));
  return { lines, title: '', imageAlts: [], siteNames: [], lang: null };
}

const HTML_TAG = /<(?:!doctype|!--|\/?(?:html|head|body|div|table|tbody|tr|td|th|p|br|span|a|img|meta|title|style|font|center|b|strong|h[1-6]|ul|ol|li|pre|script|noscript|template|svg|iframe|object|select|section|article|header|footer|main|nav|form|thead|tfoot|caption|blockquote|small|sup|sub|hr|link|base)\b)/i;

type Frame = { node: DomNode; depth: number; exit?: false } | { exit: true; action: () => void };

/** Parses HTML (or plain text) into visible lines, the title, logo alt texts and site names. */
export function readTextDocument(html: string): TextDocument {
  // `<orders@shop.example>` in a plain-text forward is not markup.
  if (!HTML_TAG.test(html)) return readPlainText(html);
  // htmlparser2's forgiving HTML mode (entities decoded), the tree cheerio's `load` wrapped:
  // only the parser is needed, not cheerio's selector engine and API (issue 16, cold start).
  const root: DomNode = parseDocument(flattenDeepNesting(html));
  const builder = new LineBuilder();
  const imageAlts: string[] = [];
  const siteNames: string[] = [];
  const visibility = classVisibility(styleBlocksOf(html));
  let title = '';
  let lang: string | null = null;
  // Innermost table context: inside a cell, block boundaries are soft breaks.
  const contexts: Array<'table' | 'cell'> = [];
  const boundary = () => (contexts[contexts.length - 1] === 'cell' ? builder.softBreak() : builder.lineBreak());

  const stack: Frame[] = [...(root.children ?? [])].reverse().map((node) => ({ node, depth: 1 }));
  let visited = 0;
  while (stack.length > 0 && visited < MAX_NODES) {
    const frame = stack.pop() as Frame;
    if (frame.exit) {
      frame.action();
      continue;
    }
    visited++;
    const { node, depth } = frame;
    if (node.type === 'text') {
      builder.text(node.data ?? '');
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const name = (node.name ?? '').toLowerCase();
    const attribs = node.attribs ?? {};
    if (name === 'style') continue;
    if (lang === null && attribs.lang) lang = attribs.lang.trim().toLowerCase() || null;
    if (name === 'title') {
      title ||= cleanText(textOf(node));
      continue;
    }
    if (name === 'meta') {
      const key = (attribs.property ?? attribs.name ?? '').toLowerCase();
      if (['og:site_name', 'application-name', 'author'].includes(key) && attribs.content) siteNames.push(cleanText(attribs.content));
      continue;
    }
    if (name === 'img') {
      const label = cleanText(attribs.alt ?? '') || cleanText(attribs.title ?? '');
      if (!isTrackingPixel(attribs) && label) imageAlts.push(label);
      continue;
    }
    if (name === 'br') {
      boundary();
      continue;
    }
    if (name === 'head') {
      // Only title, meta and style matter in the head.
      for (const child of [...(node.children ?? [])].reverse()) if (child.type !== 'text') stack.push({ node: child, depth: depth + 1 });
      continue;
    }
    if (SKIPPED.has(name) || isHidden(attribs, visibility) || depth > MAX_DEPTH) continue;
    if (name === 'pre') {
      // A till slip laid out with spaces: its columns are in the whitespace, not in tags.
      builder.preformatted(plainTextRows(deepTextOf(node, MAX_DEPTH - depth)));
      continue;
    }

    let exit: (() => void) | undefined;
    if (name === 'table') {
      builder.enterTable();
      contexts.push('table');
      exit = () => (builder.exitTable(), contexts.pop());
    } else if (name === 'tr') {
      builder.lineBreak();
      exit = () => builder.lineBreak();
    } else if (name === 'td' || name === 'th') {
      builder.cellBreak();
      contexts.push('cell');
      exit = () => (builder.cellBreak(), contexts.pop());
    } else if (BLOCKS.has(name)) {
      boundary();
      exit = boundary;
    }
    if (exit) stack.push({ exit: true, action: exit });
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1 });
  }
  builder.lineBreak();
  return { lines: builder.lines, title, imageAlts, siteNames, lang };
}

/** All text under an element, with `<br>` as a newline, down to `maxDepth` levels. */
function deepTextOf(node: DomNode, maxDepth: number): string {
  if (maxDepth <= 0) return '';
  return (node.children ?? [])
    .map((c) => (c.type === 'text' ? (c.data ?? '') : c.name === 'br' ? '\n' : c.type === 'tag' ? deepTextOf(c, maxDepth - 1) : ''))
    .join('');
}

/** The raw text of an element's text children (for `<title>` and `<style>`). */
function textOf(node: DomNode): string {
  return (node.children ?? []).map((c) => (c.type === 'text' ? (c.data ?? '') : '')).join('');
}
