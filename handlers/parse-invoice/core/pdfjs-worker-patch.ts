/**
 * Source patches for pdf.js's worker (`pdfjs-dist/legacy/build/pdf.worker.mjs`),
 * applied wherever that file is loaded: the esbuild bundle (tools/build), jest and the
 * tsx tools (tools/pdfjs). `loadPdfjs` refuses an unpatched worker.
 *
 * Unhandled page-tree prefetch. `Catalog.getPageDict` prefetches every kid of the root
 * /Pages node (`pageDictCache.put(kid, xref.fetchAsync(kid))`, pdf.js PR #18627) and
 * awaits each prefetch only when the traversal reaches that kid. When the traversal
 * throws first (a circular /Kids reference, a kid of the wrong type), a prefetch that
 * rejects (e.g. `ParserEOFException: End of file inside array`) has no handler: an
 * unhandled rejection after the document was already refused, which ends a Lambda
 * process. The patch marks each prefetch as observed; a later `await` of the cached
 * promise still sees the rejection.
 *
 * XFA layer left out. pdf.js builds its XFA forms layer (src/core/xfa/*, about a sixth of
 * the worker) only when a document is opened with `enableXfa`, which pdf-text.ts never
 * sets; otherwise only annotation parsing calls into it, to render rich-text popups as
 * HTML, which text extraction never asks for. Its code was still parsed at every cold
 * start of parse_invoice (issue 16). The region becomes an `XFAFactory` that refuses to
 * be built and has no rich-text HTML (null, the value pdf.js already uses when that HTML
 * cannot be made). webpack's polyfill requires inside the region are kept: they install
 * globals the rest of the worker may use.
 *
 * Image decoders left out. The JPEG, JPEG 2000 (OpenJPEG) and JBIG2 decoders run only
 * when an image's pixels are read, to render or to return images; text extraction
 * skips image XObjects and inline images without reading them (their streams are
 * built, not decoded). They become classes that throw when asked to decode, with the
 * no-op JPEG 2000 option and cache hooks that document setup and cleanup call. The
 * CCITT decoder stays: building an inline image's stream starts it.
 *
 * Annotations left out. Annotations are parsed to render or print pages, to return
 * them (getAnnotations, form fields) and to save; text content never includes them.
 * `AnnotationFactory` becomes a class whose entry points throw; the two classes other
 * code tests with `instanceof` after creating annotations stay as empty classes.
 * Applied after the XFA patch, whose end is the annotation module's first line.
 *
 * XFA font tables left out. The Calibri, Helvetica, Liberation Sans, Myriad Pro and
 * Segoe UI width tables serve only the fonts of XFA forms (`cssFontInfo`, from
 * `loadXfaFonts`); their two lookups become functions that throw.
 *
 * Other rendering code left out: shading and tiling patterns, image objects
 * (`PDFImage`), glyph outlines (`FontRendererFactory`, for drawing text as paths) and
 * the structure tree (getStructTree, saving). Their entry points throw; clearing the
 * pattern cache at cleanup is a no-op (nothing fills it); reading the catalog's
 * structure tree already turns an error into "no structure tree". The pattern region
 * ends where the XFA font tables begin, so its patch comes first.
 */
import { PDFJS_PATCH_MARKER } from './pdfjs-patch-marker';
import { applyPdfjsPatches, leftOutClass, type PdfjsPatches, WEBPACK_REQUIRE_LINE } from './pdfjs-source-patch';

export const PDFJS_WORKER_MODULE = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

export { PDFJS_PATCH_MARKER };

export const XFA_LEFT_OUT_MESSAGE = 'pdf.js XFA forms are left out of this build (handlers/parse-invoice/core/pdfjs-worker-patch.ts); open documents without enableXfa';

const ANNOTATIONS_WHY = 'text extraction never parses annotations (handlers/parse-invoice/core/pdfjs-worker-patch.ts)';
const RENDERING_WHY = 'text extraction never renders, saves or reads the structure tree (handlers/parse-invoice/core/pdfjs-worker-patch.ts)';
const IMAGES_WHY = 'text extraction never decodes images (handlers/parse-invoice/core/pdfjs-worker-patch.ts)';

/** A left-out region: its comment line and the stand-ins that replace it. */
function leftOutRegion(region: string, standIns: readonly string[]): string {
  return [`;// ${region} left out (pdfjs-worker-patch.ts)`, ...standIns, ''].join('\n');
}

export const PDFJS_WORKER_PATCHES: PdfjsPatches = {
  module: PDFJS_WORKER_MODULE,
  sourcePatches: [
    {
      name: 'observe page-tree prefetches',
      find: 'pageDictCache.put(lastKid, xref.fetchAsync(lastKid));',
      replace: '{ const prefetch = xref.fetchAsync(lastKid); prefetch.catch(() => {}); pageDictCache.put(lastKid, prefetch); }',
    },
    {
      name: 'marker',
      find: 'globalThis.pdfjsWorker = {',
      replace: `globalThis.pdfjsWorker = {\n  ${PDFJS_PATCH_MARKER}: true,`,
    },
  ],
  regionPatches: [
    {
      name: 'leave out the XFA layer',
      from: ';// ./src/core/xfa/symbol_utils.js\n',
      to: ';// ./src/core/annotation.js\n',
      replace: [
        ';// src/core/xfa/* left out (pdfjs-worker-patch.ts)',
        'class XFAFactory {',
        '  constructor() {',
        `    throw new Error(${JSON.stringify(XFA_LEFT_OUT_MESSAGE)});`,
        '  }',
        '  static getRichTextAsHtml() {',
        '    return null;',
        '  }',
        '}',
        '',
      ].join('\n'),
      keep: WEBPACK_REQUIRE_LINE,
    },
    {
      name: 'leave out annotations',
      from: ';// ./src/core/annotation.js\n',
      to: ';// ./src/core/calculate_md5.js\n',
      replace: leftOutRegion('src/core/annotation.js', [
        leftOutClass('AnnotationFactory', ANNOTATIONS_WHY, ['createGlobals', 'create', 'generateImages', 'saveNewAnnotations', 'printNewAnnotations']),
        'class WidgetAnnotation {}',
        'class PopupAnnotation {}',
      ]),
      keep: WEBPACK_REQUIRE_LINE,
    },
    {
      name: 'leave out shading and tiling patterns',
      from: ';// ./src/core/pattern.js\n',
      to: ';// ./src/core/calibri_factors.js\n',
      replace: leftOutRegion('src/core/pattern.js', [
        leftOutClass('Pattern', RENDERING_WHY, ['parseShading']),
        `function getTilingPatternIR() {\n  throw new Error(${JSON.stringify(`pdf.js getTilingPatternIR is left out of this build: ${RENDERING_WHY}`)});\n}`,
        'function clearPatternCaches() {}',
      ]),
      keep: WEBPACK_REQUIRE_LINE,
    },
    {
      name: 'leave out the XFA font tables',
      from: ';// ./src/core/calibri_factors.js\n',
      to: ';// ./src/core/ps_parser.js\n',
      replace: leftOutRegion(
        'src/core/{calibri,helvetica,myriadpro,segoeui}_factors.js, liberationsans_widths.js, xfa_fonts.js',
        ['getXfaFontName', 'getXfaFontDict'].map((fn) => `function ${fn}() {\n  throw new Error(${JSON.stringify(XFA_LEFT_OUT_MESSAGE)});\n}`),
      ),
      keep: WEBPACK_REQUIRE_LINE,
    },
    {
      name: 'leave out glyph outlines',
      from: ';// ./src/core/font_renderer.js\n',
      to: ';// ./src/core/metrics.js\n',
      replace: leftOutRegion('src/core/font_renderer.js', [leftOutClass('FontRendererFactory', RENDERING_WHY, ['create'])]),
      keep: WEBPACK_REQUIRE_LINE,
    },
    {
      name: 'leave out image objects',
      from: ';// ./src/core/image.js\n',
      to: ';// ./src/core/evaluator.js\n',
      replace: leftOutRegion('src/core/image.js', [leftOutClass('PDFImage', RENDERING_WHY, ['createMask', 'buildImage'])]),
      keep: WEBPACK_REQUIRE_LINE,
    },
    {
      name: 'leave out the structure tree',
      from: ';// ./src/core/struct_tree.js\n',
      to: ';// ./src/core/catalog.js\n',
      replace: leftOutRegion('src/core/struct_tree.js', [
        leftOutClass('StructTreeRoot', RENDERING_WHY, ['canCreateStructureTree', 'createStructureTree']),
        leftOutClass('StructTreePage', RENDERING_WHY),
      ]),
      keep: WEBPACK_REQUIRE_LINE,
    },
    {
      name: 'leave out the JPEG decoder',
      from: ';// ./src/core/jpg.js\n',
      to: ';// ./src/core/jpeg_stream.js\n',
      replace: leftOutRegion('src/core/jpg.js', [leftOutClass('JpegImage', IMAGES_WHY, [], ['  static canUseImageDecoder() {', '    return false;', '  }'])]),
      keep: WEBPACK_REQUIRE_LINE,
    },
    {
      name: 'leave out the JPEG 2000 decoder',
      from: ';// ./external/openjpeg/openjpeg.js\n',
      to: ';// ./src/core/operator_list.js\n',
      replace: leftOutRegion('external/openjpeg/openjpeg.js, src/core/jpx.js', [
        leftOutClass('JpxImage', IMAGES_WHY, ['decode', 'parseImageProperties'], ['  static setOptions() {}', '  static cleanup() {}']),
      ]),
      keep: WEBPACK_REQUIRE_LINE,
    },
    {
      name: 'leave out the JBIG2 decoder',
      from: ';// ./src/core/arithmetic_decoder.js\n',
      to: ';// ./src/core/jbig2_stream.js\n',
      replace: leftOutRegion('src/core/{arithmetic_decoder,jbig2}.js', [leftOutClass('Jbig2Image', IMAGES_WHY)]),
      keep: WEBPACK_REQUIRE_LINE,
    },
  ],
};

/** Applies every patch; throws if an anchor is not found as expected (a pdf.js upgrade must be re-checked, not silently unpatched). */
export function patchPdfjsWorkerSource(source: string): string {
  return applyPdfjsPatches(source, PDFJS_WORKER_PATCHES);
}
