/**
 * A parser for the subset of HCL expression syntax that Terraform configurations
 * use in attribute values: literals, templates with `${...}` interpolations,
 * tuples, objects, traversals (`a.b[0]`), function calls, and the usual operators
 * and conditionals. `for` expressions and splats are kept as opaque source text.
 *
 * Two entry points: `parseTemplate` for a string as hcl2json or Terraform JSON
 * syntax delivers it (no backslash escapes, interpolations anywhere), and
 * `parseExpression` for bare expression text.
 */

export type TraversalStep = { readonly type: 'attr'; readonly name: string } | { readonly type: 'index'; readonly key: Expr };

export type Expr =
  | { readonly kind: 'literal'; readonly value: null | boolean | number | string }
  | { readonly kind: 'template'; readonly parts: ReadonlyArray<string | Expr> }
  | { readonly kind: 'traversal'; readonly root: string; readonly steps: readonly TraversalStep[] }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[] }
  | { readonly kind: 'tuple'; readonly items: readonly Expr[] }
  | { readonly kind: 'object'; readonly items: ReadonlyArray<{ readonly key: Expr; readonly value: Expr }> }
  | { readonly kind: 'unary'; readonly op: '!' | '-'; readonly operand: Expr }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'conditional'; readonly cond: Expr; readonly then: Expr; readonly else: Expr }
  /** Something this parser does not evaluate (for expressions, splats); compared by its text. */
  | { readonly kind: 'opaque'; readonly text: string };

export class HclExpressionError extends Error {
  constructor(message: string, readonly source: string, readonly position: number) {
    super(`${message} at offset ${position} in ${JSON.stringify(source.length > 120 ? `${source.slice(0, 117)}...` : source)}`);
    this.name = 'HclExpressionError';
  }
}

/** Parses a template string: literal text with `${expr}` interpolations (`$${` escapes a literal `${`). */
export function parseTemplate(source: string): Expr {
  const parser = new Parser(source);
  const template = parser.templateBody('raw');
  if (parser.pos < source.length) parser.fail('unexpected text after template');
  return template;
}

/** Parses bare expression text such as `jsonencode({ a = "b" })` or `var.x`. */
export function parseExpression(source: string): Expr {
  const parser = new Parser(source);
  const expr = parser.expression();
  parser.skipSpace(true);
  if (parser.pos < source.length) parser.fail(`unexpected ${JSON.stringify(source[parser.pos])}`);
  return expr;
}

const BINARY_PRECEDENCE: ReadonlyArray<readonly string[]> = [['||'], ['&&'], ['==', '!='], ['<=', '>=', '<', '>'], ['+', '-'], ['*', '/', '%']];

class Parser {
  pos = 0;
  constructor(readonly src: string) {}

  fail(message: string): never {
    throw new HclExpressionError(message, this.src, this.pos);
  }

  /** Skips blanks and comments; newlines only when `newlines` (inside brackets or at the top level). */
  skipSpace(newlines: boolean): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) this.pos++;
      else if (c === '#' || (c === '/' && this.src[this.pos + 1] === '/')) {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else if (c === '/' && this.src[this.pos + 1] === '*') {
        const end = this.src.indexOf('*/', this.pos + 2);
        if (end < 0) this.fail('unterminated comment');
        this.pos = end + 2;
      } else return;
    }
  }

  private peek(text: string): boolean {
    return this.src.startsWith(text, this.pos);
  }

  private eat(text: string): boolean {
    if (!this.peek(text)) return false;
    this.pos += text.length;
    return true;
  }

  private expect(text: string): void {
    this.skipSpace(true);
    if (!this.eat(text)) this.fail(`expected ${JSON.stringify(text)}`);
  }

  /** Literal text and interpolations up to the end (`raw`) or the closing quote (`quoted`, with escapes). */
  templateBody(mode: 'raw' | 'quoted'): Expr {
    const parts: Array<string | Expr> = [];
    let text = '';
    for (;;) {
      if (this.pos >= this.src.length) {
        if (mode === 'quoted') this.fail('unterminated string');
        break;
      }
      const c = this.src[this.pos];
      if (mode === 'quoted' && c === '"') break;
      if (mode === 'quoted' && c === '\n') this.fail('newline in a quoted string');
      if (this.eat('$${')) text += '${';
      else if (this.eat('%%{')) text += '%{';
      else if (this.eat('${')) {
        this.eat('~');
        if (text) parts.push(text);
        text = '';
        parts.push(this.expression());
        this.skipSpace(true);
        this.eat('~');
        if (!this.eat('}')) this.fail('expected "}" closing the interpolation');
      } else if (this.peek('%{')) {
        this.fail('template directives (%{...}) are not supported');
      } else if (mode === 'quoted' && c === '\\') {
        text += this.escape();
      } else {
        text += c;
        this.pos++;
      }
    }
    if (text || parts.length === 0) parts.push(text);
    if (parts.length === 1 && typeof parts[0] === 'string') return { kind: 'literal', value: parts[0] };
    return { kind: 'template', parts };
  }

  private escape(): string {
    const next = this.src[this.pos + 1];
    this.pos += 2;
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
    if (next !== undefined && next in simple) return simple[next];
    if (next === 'u' || next === 'U') {
      const len = next === 'u' ? 4 : 8;
      const hex = this.src.slice(this.pos, this.pos + len);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) this.fail('bad unicode escape');
      this.pos += len;
      return String.fromCodePoint(parseInt(hex, 16));
    }
    return this.fail(`unknown escape \\${next ?? ''}`);
  }

  expression(): Expr {
    this.skipSpace(true);
    const cond = this.binary(0);
    const save = this.pos;
    this.skipSpace(true);
    if (!this.eat('?')) {
      this.pos = save;
      return cond;
    }
    const then = this.expression();
    this.expect(':');
    const otherwise = this.expression();
    return { kind: 'conditional', cond, then, else: otherwise };
  }

  private binary(level: number): Expr {
    if (level >= BINARY_PRECEDENCE.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const save = this.pos;
      this.skipSpace(true);
      const op = BINARY_PRECEDENCE[level].find((candidate) => this.peek(candidate) && !(candidate === '<' && this.peek('<<')));
      if (!op) {
        // A newline that ends an object item is not ours to consume.
        this.pos = save;
        return left;
      }
      this.pos += op.length;
      const right = this.binary(level + 1);
      left = { kind: 'binary', op, left, right };
    }
  }

  private unary(): Expr {
    this.skipSpace(true);
    if (this.eat('!')) return { kind: 'unary', op: '!', operand: this.unary() };
    if (this.peek('-') && !/[0-9]/.test(this.src[this.pos + 1] ?? '')) {
      this.pos++;
      return { kind: 'unary', op: '-', operand: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private postfix(base: Expr): Expr {
    let expr = base;
    for (;;) {
      const save = this.pos;
      this.skipSpace(false);
      if (this.peek('.*') || this.peek('[*]')) {
        const start = this.exprStart(expr);
        this.pos += this.peek('.*') ? 2 : 3;
        while (/[A-Za-z0-9_.[\]"*]/.test(this.src[this.pos] ?? '')) this.pos++;
        expr = { kind: 'opaque', text: normalizeSpace(this.src.slice(start, this.pos)) };
      } else if (this.peek('.') && !this.peek('..')) {
        this.pos++;
        const name = this.src.slice(this.pos).match(/^[A-Za-z_][A-Za-z0-9_-]*|^[0-9]+/)?.[0];
        if (!name) this.fail('expected an attribute name after "."');
        this.pos += name.length;
        expr = this.addStep(expr, /^[0-9]+$/.test(name) ? { type: 'index', key: { kind: 'literal', value: Number(name) } } : { type: 'attr', name });
      } else if (this.peek('[')) {
        this.pos++;
        const key = this.expression();
        this.expect(']');
        expr = this.addStep(expr, { type: 'index', key });
      } else {
        this.pos = save;
        return expr;
      }
    }
  }

  private readonly starts = new WeakMap<Expr, number>();

  private exprStart(expr: Expr): number {
    return this.starts.get(expr) ?? this.pos;
  }

  private addStep(expr: Expr, step: TraversalStep): Expr {
    const start = this.exprStart(expr);
    const next: Expr =
      expr.kind === 'traversal'
        ? { ...expr, steps: [...expr.steps, step] }
        : // Indexing a non-traversal (e.g. a call result) is rare in configs; keep it as text.
          { kind: 'opaque', text: normalizeSpace(this.src.slice(start, this.pos)) };
    this.starts.set(next, start);
    return next;
  }

  private primary(): Expr {
    this.skipSpace(true);
    const start = this.pos;
    const result = this.primaryInner();
    this.starts.set(result, start);
    return result;
  }

  private primaryInner(): Expr {
    const c = this.src[this.pos];
    if (c === undefined) this.fail('expected an expression');
    if (c === '"') {
      this.pos++;
      const body = this.templateBody('quoted');
      this.pos++;
      return body;
    }
    if (c === '<' && this.peek('<<')) return this.heredoc();
    const number = this.src.slice(this.pos).match(/^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/)?.[0];
    if (number) {
      this.pos += number.length;
      return { kind: 'literal', value: Number(number) };
    }
    if (c === '(') {
      this.pos++;
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (c === '[') return this.tuple();
    if (c === '{') return this.object();
    const ident = this.src.slice(this.pos).match(/^[A-Za-z_][A-Za-z0-9_-]*(::[A-Za-z_][A-Za-z0-9_-]*)*/)?.[0];
    if (!ident) return this.fail(`unexpected ${JSON.stringify(c)}`);
    this.pos += ident.length;
    if (ident === 'true' || ident === 'false') return { kind: 'literal', value: ident === 'true' };
    if (ident === 'null') return { kind: 'literal', value: null };
    const save = this.pos;
    this.skipSpace(false);
    if (this.eat('(')) return this.call(ident);
    this.pos = save;
    return { kind: 'traversal', root: ident, steps: [] };
  }

  private call(name: string): Expr {
    const args: Expr[] = [];
    this.skipSpace(true);
    while (!this.eat(')')) {
      args.push(this.expression());
      this.skipSpace(true);
      this.eat('...');
      this.skipSpace(true);
      if (this.eat(',')) continue;
      this.skipSpace(true);
      if (!this.peek(')')) this.fail(`expected "," or ")" in the arguments of ${name}()`);
    }
    return { kind: 'call', name, args };
  }

  private tuple(): Expr {
    const start = this.pos;
    this.pos++;
    this.skipSpace(true);
    if (/^for\s/.test(this.src.slice(this.pos))) return this.opaqueBracket(start, '[', ']');
    const items: Expr[] = [];
    while (!this.eat(']')) {
      items.push(this.expression());
      this.skipSpace(true);
      if (this.eat(',')) {
        this.skipSpace(true);
        continue;
      }
      if (!this.peek(']')) this.fail('expected "," or "]" in a tuple');
    }
    return { kind: 'tuple', items };
  }

  private object(): Expr {
    const start = this.pos;
    this.pos++;
    this.skipSpace(true);
    if (/^for\s/.test(this.src.slice(this.pos))) return this.opaqueBracket(start, '{', '}');
    const items: Array<{ key: Expr; value: Expr }> = [];
    while (!this.eat('}')) {
      const key = this.objectKey();
      this.skipSpace(false);
      if (!this.eat('=') && !this.eat(':')) this.fail('expected "=" or ":" after an object key');
      const value = this.expression();
      items.push({ key, value });
      this.skipSpace(false);
      if (this.eat(',') || this.eat('\n')) {
        this.skipSpace(true);
        continue;
      }
      this.skipSpace(true);
      if (!this.peek('}')) this.fail('expected ",", a newline or "}" in an object');
    }
    return { kind: 'object', items };
  }

  private objectKey(): Expr {
    this.skipSpace(true);
    const ident = this.src.slice(this.pos).match(/^[A-Za-z_][A-Za-z0-9_-]*/)?.[0];
    if (ident) {
      const after = this.src.slice(this.pos + ident.length).match(/^[ \t]*([=:])/);
      if (after && this.src[this.pos + ident.length + after[0].length] !== '=') {
        this.pos += ident.length;
        return { kind: 'literal', value: ident };
      }
    }
    return this.expression();
  }

  /** `[for ...]` / `{for ...}`: skip to the matching bracket, keep the text. */
  private opaqueBracket(start: number, open: string, close: string): Expr {
    let depth = 1;
    let inString = false;
    while (depth > 0) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail(`unterminated ${open}for ...${close}`);
      if (inString) {
        if (c === '\\') this.pos++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === open || c === '(' || c === '[' || c === '{') depth++;
      else if (c === close || c === ')' || c === ']' || c === '}') depth--;
      this.pos++;
    }
    return { kind: 'opaque', text: normalizeSpace(this.src.slice(start, this.pos)) };
  }

  private heredoc(): Expr {
    const header = this.src.slice(this.pos).match(/^<<(-?)([A-Za-z_][A-Za-z0-9_]*)\r?\n/);
    if (!header) this.fail('bad heredoc header');
    this.pos += header[0].length;
    const lines: string[] = [];
    for (;;) {
      const end = this.src.indexOf('\n', this.pos);
      const line = this.src.slice(this.pos, end < 0 ? this.src.length : end);
      this.pos = end < 0 ? this.src.length : end + 1;
      if (line.trim() === header[2]) break;
      if (end < 0) this.fail(`unterminated heredoc ${header[2]}`);
      lines.push(line);
    }
    if (header[1] === '-') {
      const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)![0].length));
      for (let i = 0; i < lines.length; i++) lines[i] = lines[i].slice(Number.isFinite(indent) ? indent : 0);
    }
    return parseTemplate(lines.map((l) => `${l}\n`).join(''));
  }
}

function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
