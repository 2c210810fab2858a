/**
 * A 2-D affine DOMMatrix for pdf.js outside a browser.
 *
 * pdf.js creates a `DOMMatrix` while its module initialises and polyfills it from
 * `@napi-rs/canvas` when that native package is installed. The Lambda bundle ships
 * no node_modules, so without this stand-in the first `require` of pdf.js throws
 * `DOMMatrix is not defined`. Text extraction never renders, so the 2-D subset is enough.
 */
export class DomMatrixStub {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: readonly number[]) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = init;
  }

  get is2D(): boolean {
    return true;
  }

  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }

  multiplySelf(o: DomMatrixStub): this {
    const { a, b, c, d, e, f } = this;
    this.a = a * o.a + c * o.b;
    this.b = b * o.a + d * o.b;
    this.c = a * o.c + c * o.d;
    this.d = b * o.c + d * o.d;
    this.e = a * o.e + c * o.f + e;
    this.f = b * o.e + d * o.f + f;
    return this;
  }

  preMultiplySelf(o: DomMatrixStub): this {
    const copy = new DomMatrixStub([o.a, o.b, o.c, o.d, o.e, o.f]).multiplySelf(this);
    [this.a, this.b, this.c, this.d, this.e, this.f] = [copy.a, copy.b, copy.c, copy.d, copy.e, copy.f];
    return this;
  }

  translateSelf(tx = 0, ty = 0): this {
    return this.multiplySelf(new DomMatrixStub([1, 0, 0, 1, tx, ty]));
  }

  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf(new DomMatrixStub([sx, 0, 0, sy, 0, 0]));
  }

  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (det === 0) {
      [this.a, this.b, this.c, this.d, this.e, this.f] = [NaN, NaN, NaN, NaN, NaN, NaN];
      return this;
    }
    const { a, b, c, d, e, f } = this;
    [this.a, this.b, this.c, this.d] = [d / det, -b / det, -c / det, a / det];
    this.e = (c * f - d * e) / det;
    this.f = (b * e - a * f) / det;
    return this;
  }

  multiply(o: DomMatrixStub): DomMatrixStub {
    return new DomMatrixStub([this.a, this.b, this.c, this.d, this.e, this.f]).multiplySelf(o);
  }

  inverse(): DomMatrixStub {
    return new DomMatrixStub([this.a, this.b, this.c, this.d, this.e, this.f]).invertSelf();
  }

  transformPoint(p: { x?: number; y?: number } = {}): { x: number; y: number; z: number; w: number } {
    const x = p.x ?? 0;
    const y = p.y ?? 0;
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f, z: 0, w: 1 };
  }
}

/** Installs the stand-in unless the runtime (or a canvas polyfill) already has a DOMMatrix. */
export function installDomMatrix(): void {
  const g = globalThis as { DOMMatrix?: unknown };
  if (g.DOMMatrix === undefined) g.DOMMatrix = DomMatrixStub;
}
