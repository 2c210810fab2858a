/**
 * Which classes a receipt's `<style>` blocks hide in the default view: a desktop
 * mail client about 800px wide, light mode, on screen. Rules inside `@media` count
 * only when their query holds for that view, so `@media (max-width:480px) {
 * .desktop { display:none } }` hides nothing, while a top-level `.mobile {
 * display:none }` does. Later rules win over earlier ones, `!important` over both.
 */
const DESKTOP_WIDTH_PX = 800;
const EM_PX = 16;

export interface ClassVisibility {
  /** Classes whose last applicable `display`/`visibility` rule hides them. */
  readonly hidden: ReadonlySet<string>;
  /** Classes an applicable `!important` rule shows: they override an inline `display:none`. */
  readonly forcedVisible: ReadonlySet<string>;
}

interface ClassState {
  hidden: boolean;
  important: boolean;
}

/** Whether a media query list holds in the default view. */
export function mediaQueryApplies(query: string): boolean {
  return query
    .toLowerCase()
    .split(',')
    .some((part) => {
      if (/\bnot\b|\bprint\b|\bspeech\b|prefers-color-scheme\s*:\s*dark|orientation\s*:\s*portrait|pointer\s*:\s*coarse|hover\s*:\s*none/.test(part)) return false;
      for (const m of part.matchAll(/\(\s*(max|min)-(?:device-)?width\s*:\s*([\d.]+)\s*(px|em|rem)?\s*\)/g)) {
        const px = Number(m[2]) * (m[3] === 'em' || m[3] === 'rem' ? EM_PX : 1);
        if (m[1] === 'max' ? DESKTOP_WIDTH_PX > px : DESKTOP_WIDTH_PX < px) return false;
      }
      return true;
    });
}

// Ancestors that are always there: tag names, the universal selector, ids, and the `.body` wrapper of email frameworks.
const ALWAYS_PRESENT_ANCESTOR = /^(?:[a-z][a-z0-9]*|\*|#[\w-]+|(?:table|div|body)?\.body|u\s*\+\s*\.body)$/i;

/** The class a selector targets, when it targets exactly one class on any element; else null. */
function targetClass(selector: string): string | null {
  const parts = selector.trim().replace(/\s*(?:[>+]|~(?!=))\s*/g, ' ').split(/\s+/);
  const last = parts.pop() ?? '';
  if (!parts.every((p) => ALWAYS_PRESENT_ANCESTOR.test(p) || p === '+' || p === 'u')) return null;
  const byDot = /^(?:[a-z][a-z0-9]*|\*)?(?:\[class\])?\.([\w-]+)$/i.exec(last);
  if (byDot) return byDot[1];
  const byAttr = /^(?:[a-z][a-z0-9]*|\*)?\[class[~]?=["']?([\w-]+)["']?\]$/i.exec(last);
  return byAttr ? byAttr[1] : null;
}

/** What a declaration block does to visibility: hide, show, or nothing; and whether it is `!important`. */
function visibilityOf(declarations: string): { hidden: boolean; important: boolean } | null {
  for (const decl of declarations.split(';')) {
    const m = /^\s*(display|visibility)\s*:\s*([^!]+?)\s*(!\s*important)?\s*$/i.exec(decl);
    if (!m) continue;
    const value = m[2].toLowerCase();
    const hidden = m[1].toLowerCase() === 'display' ? value === 'none' : value === 'hidden';
    // `visibility:visible` next to `display:none` still hides; a shown `display` is decided by the first one.
    if (hidden || m[1].toLowerCase() === 'display') return { hidden, important: Boolean(m[3]) };
  }
  return null;
}

/** The index just past the block that opens at `open` (a `{`), by brace depth. */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return i + 1;
  }
  return css.length;
}

function applyRules(css: string, applies: boolean, states: Map<string, ClassState>): void {
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open < 0) return;
    const prelude = css.slice(i, open).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^[\s;}]+/, '').trim();
    const end = blockEnd(css, open);
    const inner = css.slice(open + 1, end - 1);
    i = end;
    if (prelude.startsWith('@')) {
      const media = /^@media\b([\s\S]*)$/i.exec(prelude);
      if (media) applyRules(inner, applies && mediaQueryApplies(media[1]), states);
      else if (/^@supports\b/i.test(prelude)) applyRules(inner, applies, states);
      continue;
    }
    if (!applies) continue;
    const effect = visibilityOf(inner);
    if (!effect) continue;
    for (const selector of prelude.split(',')) {
      const cls = targetClass(selector);
      if (!cls) continue;
      const before = states.get(cls);
      if (before?.important && !effect.important) continue;
      states.set(cls, { ...effect });
    }
  }
}

/** Reads every `<style>` block of a document (in order) into one class visibility map. */
export function classVisibility(styleBlocks: readonly string[]): ClassVisibility {
  const states = new Map<string, ClassState>();
  for (const css of styleBlocks) applyRules(css.replace(/<!--|-->/g, ''), true, states);
  const hidden = new Set<string>();
  const forcedVisible = new Set<string>();
  for (const [cls, state] of states) {
    if (state.hidden) hidden.add(cls);
    else if (state.important) forcedVisible.add(cls);
  }
  return { hidden, forcedVisible };
}
