/**
 * Source patches for pdf.js's display layer (`pdfjs-dist/legacy/build/pdf.mjs`, the API
 * that `getDocument` comes from), applied wherever that file is loaded: the esbuild
 * bundle (tools/build), jest and the tsx tools (tools/pdfjs).
 *
 * Viewer code left out. Besides the document API, pdf.mjs carries what a browser viewer
 * draws with: canvas rendering, the annotation and annotation-editor layers, colour
 * pickers, SVG and draw layers, touch handling; more than half of the file, parsed at
 * every cold start of parse_invoice although text extraction (pdf-text.ts: getDocument,
 * getPage, getViewport, getTextContent, cleanup, destroy) never reaches it (issue 16).
 * Each left-out region becomes classes of the same names that throw when constructed,
 * so what still refers to them (rendering, `instanceof AnnotationEditor` checks of
 * annotation storage, the export list) keeps working or fails loudly. The text layer
 * stays: destroying a document clears its caches.
 *
 * `import.meta.url` (pdf.js probes for a canvas package next to itself) becomes this
 * file's own URL in CommonJS, what pdf-parse's build of pdf.js used to do.
 */
import { applyPdfjsPatches, leftOutClass, type PdfjsPatches, WEBPACK_REQUIRE_LINE } from './pdfjs-source-patch';

export const PDFJS_DISPLAY_MODULE = 'pdfjs-dist/legacy/build/pdf.mjs';

const WHY = 'text extraction never renders or edits (handlers/parse-invoice/core/pdfjs-display-patch.ts)';

function leftOut(region: string, names: readonly string[]): string {
  return [`;// ${region} left out (pdfjs-display-patch.ts)`, ...names.map((name) => leftOutClass(name, WHY)), ''].join('\n');
}

export const PDFJS_DISPLAY_PATCHES: PdfjsPatches = {
  module: PDFJS_DISPLAY_MODULE,
  sourcePatches: [
    {
      name: 'import.meta.url in CommonJS',
      find: 'import.meta.url',
      replace: 'process.getBuiltinModule("url").pathToFileURL(__filename).href',
      count: 2,
    },
  ],
  regionPatches: [
    {
      name: 'leave out the annotation editor',
      from: ';// ./src/display/editor/toolbar.js\n',
      to: ';// ./src/shared/murmurhash3.js\n',
      replace: leftOut('src/display/editor/{toolbar,tools,alt_text,comment,editor}.js, src/display/touch_manager.js', ['AnnotationEditorUIManager', 'TouchManager', 'AnnotationEditor']),
      keep: WEBPACK_REQUIRE_LINE,
    },
    {
      name: 'leave out canvas rendering',
      from: ';// ./src/display/canvas_dependency_tracker.js\n',
      to: ';// ./src/shared/obj-bin-transform.js\n',
      replace: leftOut('src/display/{canvas_dependency_tracker,pattern_helper,canvas}.js, src/shared/image_utils.js', ['CanvasDependencyTracker', 'CanvasGraphics']),
      keep: WEBPACK_REQUIRE_LINE,
    },
    {
      name: 'leave out the annotation, editor, SVG and draw layers',
      from: ';// ./src/display/editor/color_picker.js\n',
      to: ';// ./src/pdf.js\n',
      replace: leftOut('src/display/{annotation_layer,svg_factory,draw_layer}.js, src/display/editor/* layers, src/shared/scripting_utils.js', [
        'ColorPicker',
        'DOMSVGFactory',
        'AnnotationLayer',
        'HighlightOutliner',
        'SignatureExtractor',
        'AnnotationEditorLayer',
        'DrawLayer',
      ]),
      keep: WEBPACK_REQUIRE_LINE,
    },
  ],
};

/** Applies every patch; throws if an anchor is not found as expected (a pdf.js upgrade must be re-checked, not silently unpatched). */
export function patchPdfjsDisplaySource(source: string): string {
  return applyPdfjsPatches(source, PDFJS_DISPLAY_PATCHES);
}
