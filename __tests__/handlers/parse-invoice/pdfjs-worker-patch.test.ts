import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  PDFJS_PATCH_MARKER,
  PDFJS_WORKER_MODULE,
  PDFJS_WORKER_PATCHES,
  patchPdfjsWorkerSource,
  XFA_LEFT_OUT_MESSAGE,
} from '../../../handlers/parse-invoice/core/pdfjs-worker-patch';
import { applyPdfjsPatches } from '../../../handlers/parse-invoice/core/pdfjs-source-patch';
import { PDFJS_DISPLAY_MODULE } from '../../../handlers/parse-invoice/core/pdfjs-display-patch';
import { freeNames } from '../../support/free-names';
import { evaluatePdfjs, pdfjsTextOf } from '../../support/pdfjs-builds';

const original = readFileSync(require.resolve(PDFJS_WORKER_MODULE), 'utf8');
const patched = patchPdfjsWorkerSource(original);

/**
 * The anchors every patch needs, in patch order: the given XFA region, every other region
 * as one stand-in line (a region that starts where the previous one ends shares its
 * anchor), then what the stubs' callers do at load and cleanup.
 */
function syntheticWorker(xfaRegion: string): string {
  const [xfa, ...others] = PDFJS_WORKER_PATCHES.regionPatches;
  const parts = ['pageDictCache.put(lastKid, xref.fetchAsync(lastKid));', xfa.from + xfaRegion];
  let previousTo = xfa.to;
  for (const patch of others) {
    if (patch.from !== previousTo) parts.push(previousTo);
    parts.push(`${patch.from}const leftOutInternals = 1;\n`);
    previousTo = patch.to;
  }
  parts.push(
    previousTo,
    'const annotationsUse = () => XFAFactory.getRichTextAsHtml("<body/>");',
    'JpxImage.setOptions({ useWasm: true });',
    'JpxImage.cleanup();',
    'clearPatternCaches();',
    'const canUseImageDecoder = JpegImage.canUseImageDecoder(new Uint8Array(0));',
    'globalThis.pdfjsWorker = {',
    '};',
  );
  return parts.join('');
}

const OTHER_LEFT_OUT_SECTIONS = [
  ';// ./src/core/annotation.js',
  ';// ./src/core/pattern.js',
  ';// ./src/core/font_renderer.js',
  ';// ./src/core/image.js',
  ';// ./src/core/struct_tree.js',
  ';// ./src/core/calibri_factors.js',
  ';// ./src/core/helvetica_factors.js',
  ';// ./src/core/liberationsans_widths.js',
  ';// ./src/core/myriadpro_factors.js',
  ';// ./src/core/segoeui_factors.js',
  ';// ./src/core/xfa_fonts.js',
  ';// ./src/core/jpg.js',
  ';// ./external/openjpeg/openjpeg.js',
  ';// ./src/core/jpx.js',
  ';// ./src/core/arithmetic_decoder.js',
  ';// ./src/core/jbig2.js',
];

describe("pdf.js worker patches on pdfjs-dist's worker", () => {
  it('leaves out every src/core/xfa module, annotations, the XFA font tables and the JPEG, JPEG 2000 and JBIG2 decoders, and nothing else', () => {
    const sections = (source: string): string[] => source.match(/^;\/\/ \.?\/?(?:src|external)\/[\w/.-]+$/gm) ?? [];
    const removed = sections(original).filter((s) => !sections(patched).includes(s));
    expect(removed.filter((s) => s.startsWith(';// ./src/core/xfa/')).length).toBeGreaterThan(20);
    expect(removed.filter((s) => !s.startsWith(';// ./src/core/xfa/')).sort()).toEqual([...OTHER_LEFT_OUT_SECTIONS].sort());
    expect(sections(patched).some((s) => s.includes('/xfa/'))).toBe(false);
    for (const kept of ['ccitt.js', 'jpeg_stream.js', 'jpx_stream.js', 'jbig2_stream.js', 'fonts.js', 'metrics.js', 'standard_fonts.js', 'glyphlist.js', 'evaluator.js']) {
      expect(sections(patched)).toContain(`;// ./src/core/${kept}`);
    }
    expect(patched.length).toBeLessThan(original.length * 0.7);
    expect(patched).toContain(`${PDFJS_PATCH_MARKER}: true`);
  });

  it('keeps the polyfill requires that were inside the region', () => {
    const requires = (source: string) => source.match(/^var \w+ = __webpack_require__\(\d+\);$/gm) ?? [];
    expect(requires(patched).sort()).toEqual(requires(original).sort());
  });

  it('leaves no reference to a removed declaration (no new free names)', () => {
    const before = freeNames(original);
    const after = freeNames(patched);
    expect([...after].filter((name) => !before.has(name))).toEqual([]);
    for (const name of ['XFAFactory', 'AnnotationFactory', 'WidgetAnnotation', 'getXfaFontName', 'Pattern', 'clearPatternCaches', 'FontRendererFactory', 'PDFImage', 'StructTreeRoot', 'JpegImage', 'JpxImage', 'Jbig2Image']) {
      expect(after.has(name)).toBe(false);
    }
  });
});

type Decoder = new () => unknown;
interface SyntheticExports {
  XFAFactory: Decoder;
  annotationsUse: () => unknown;
  JpegImage: Decoder;
  JpxImage: Decoder & { decode(): unknown; parseImageProperties(): unknown };
  Jbig2Image: Decoder;
  canUseImageDecoder: boolean;
  AnnotationFactory: { create(): unknown; createGlobals(): unknown };
  WidgetAnnotation: new () => object;
  getXfaFontName: () => unknown;
  getXfaFontDict: () => unknown;
  Pattern: { parseShading(): unknown };
  getTilingPatternIR: () => unknown;
  FontRendererFactory: { create(): unknown };
  PDFImage: Decoder & { createMask(): unknown; buildImage(): unknown };
  StructTreeRoot: Decoder & { canCreateStructureTree(): unknown; createStructureTree(): unknown };
  StructTreePage: Decoder;
}

/** Runs a patched synthetic worker with stand-ins for what its anchors use. */
function run(source: string): SyntheticExports {
  return new Function('__webpack_require__', 'globalThis', 'pageDictCache', 'xref', 'lastKid', `${source}\nreturn { XFAFactory, annotationsUse, JpegImage, JpxImage, Jbig2Image, canUseImageDecoder, AnnotationFactory, WidgetAnnotation, getXfaFontName, getXfaFontDict, Pattern, getTilingPatternIR, FontRendererFactory, PDFImage, StructTreeRoot, StructTreePage };`)(
    () => ({}),
    {},
    { put: () => undefined },
    { fetchAsync: () => Promise.resolve() },
    'kid',
  ) as SyntheticExports;
}

describe('patchPdfjsWorkerSource', () => {
  const region = ['const $uid = Symbol("uid");', 'var es_iterator_flat_map = __webpack_require__(531);', 'class XFAFactory { static getRichTextAsHtml(rc) { return { html: rc }; } }', ''].join('\n');

  it('replaces the XFA region with a factory that refuses to be built and has no rich-text HTML', () => {
    const out = patchPdfjsWorkerSource(syntheticWorker(region));
    expect(out).not.toContain('$uid');
    expect(out).toContain('var es_iterator_flat_map = __webpack_require__(531);');
    expect(out).not.toContain('leftOutInternals');
    const exported = run(out);
    expect(exported.annotationsUse()).toBeNull();
    expect(() => new exported.XFAFactory()).toThrow(XFA_LEFT_OUT_MESSAGE);
  });

  it('stands in decoders that refuse to decode, with the JPEG 2000 setup and cleanup hooks as no-ops', async () => {
    const exported = run(patchPdfjsWorkerSource(syntheticWorker(region)));
    expect(exported.canUseImageDecoder).toBe(false);
    for (const Decoder of [exported.JpegImage, exported.JpxImage, exported.Jbig2Image]) expect(() => new Decoder()).toThrow(/is left out of this build: text extraction never decodes images/);
    await expect((async () => exported.JpxImage.decode())()).rejects.toThrow(/JpxImage\.decode is left out/);
    expect(() => exported.JpxImage.parseImageProperties()).toThrow(/JpxImage\.parseImageProperties is left out/);
  });

  it('stands in annotation entry points and XFA font lookups that throw, and annotation classes for instanceof', () => {
    const exported = run(patchPdfjsWorkerSource(syntheticWorker(region)));
    expect(() => exported.AnnotationFactory.create()).toThrow(/AnnotationFactory\.create is left out of this build: text extraction never parses annotations/);
    expect(() => exported.AnnotationFactory.createGlobals()).toThrow(/createGlobals is left out/);
    expect({} instanceof exported.WidgetAnnotation).toBe(false);
    expect(new exported.WidgetAnnotation()).toBeInstanceOf(exported.WidgetAnnotation);
    expect(() => exported.getXfaFontName()).toThrow(XFA_LEFT_OUT_MESSAGE);
    expect(() => exported.getXfaFontDict()).toThrow(XFA_LEFT_OUT_MESSAGE);
  });

  it('stands in rendering entry points (patterns, image objects, glyph outlines, structure tree) that throw', () => {
    const exported = run(patchPdfjsWorkerSource(syntheticWorker(region)));
    const leftOut = /is left out of this build: text extraction never renders, saves or reads the structure tree/;
    for (const call of [
      () => exported.Pattern.parseShading(),
      () => exported.getTilingPatternIR(),
      () => exported.FontRendererFactory.create(),
      () => new exported.PDFImage(),
      () => exported.PDFImage.createMask(),
      () => exported.PDFImage.buildImage(),
      () => new exported.StructTreeRoot(),
      () => exported.StructTreeRoot.canCreateStructureTree(),
      () => exported.StructTreeRoot.createStructureTree(),
      () => new exported.StructTreePage(),
    ]) {
      expect(call).toThrow(leftOut);
    }
  });

  it('refuses a worker whose XFA region anchors are missing, repeated or out of order', () => {
    const { from, to } = PDFJS_WORKER_PATCHES.regionPatches[0];
    expect(() => patchPdfjsWorkerSource(syntheticWorker(region).replace(from, ''))).toThrow(/leave out the XFA layer.*exactly one occurrence/);
    expect(() => patchPdfjsWorkerSource(syntheticWorker(region + from))).toThrow(/exactly one occurrence/);
    const swapped = syntheticWorker(region).replace(from, '@@FROM@@').replace(to, from).replace('@@FROM@@', to);
    expect(() => patchPdfjsWorkerSource(swapped)).toThrow(/comes before/);
  });
});

describe('pdf-runtime.ts in a bundle', () => {
  it('carries the patch marker but not the patch definitions (only the build and the installers apply them)', async () => {
    const result = await build({
      entryPoints: [path.resolve(__dirname, '../../../handlers/parse-invoice/core/pdf-runtime.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      external: ['pdfjs-dist/*'],
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].text;
    expect(code).toContain(PDFJS_PATCH_MARKER);
    expect(code).not.toContain('leave out the');
    expect(code).not.toContain('pageDictCache');
  });
});

describe('the patched worker reading PDFs', () => {
  const pdfjsGlobals = globalThis as { pdfjsWorker?: unknown; pdfjsLib?: unknown };
  const saved = { ...pdfjsGlobals };
  afterAll(() => Object.assign(pdfjsGlobals, saved));

  /** The text of each file through a display layer bound to a fresh evaluation of this worker source. */
  async function textsWith(workerSource: string, files: readonly string[]): Promise<unknown[]> {
    delete pdfjsGlobals.pdfjsWorker;
    evaluatePdfjs(workerSource);
    const display = evaluatePdfjs(readFileSync(require.resolve(PDFJS_DISPLAY_MODULE), 'utf8'));
    const texts: unknown[] = [];
    for (const file of files) texts.push(await pdfjsTextOf(display, file));
    return texts;
  }

  it('extracts the same positioned text (and refuses the same files) as the worker with only its fix applied', async () => {
    const fixtures = path.join(__dirname, '../../fixtures');
    const files = [
      ...['writer-table.pdf', 'groff-tbl-fake-bold.pdf', 'ps-qpdf-rotate-270.pdf', 'wkhtmltopdf-leaders.pdf'].map((f) => path.join(fixtures, 'hyresavi-corpus', f)),
      ...readdirSync(path.join(fixtures, 'bad')).filter((f) => f.endsWith('.pdf')).map((f) => path.join(fixtures, 'bad', f)),
    ];
    const fixOnly = await textsWith(applyPdfjsPatches(original, { ...PDFJS_WORKER_PATCHES, regionPatches: [] }), files);
    const leftOut = await textsWith(patched, files);
    expect(JSON.stringify(fixOnly).length).toBeGreaterThan(2000);
    expect(leftOut).toEqual(fixOnly);
  }, 60_000);
});
