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
 */
import { applyPdfjsPatches, type PdfjsPatches, WEBPACK_REQUIRE_LINE } from './pdfjs-source-patch';

export const PDFJS_WORKER_MODULE = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/** Set on `globalThis.pdfjsWorker` by the patched worker. */
export const PDFJS_PATCH_MARKER = 'paypulsePatched';

export const XFA_LEFT_OUT_MESSAGE = 'pdf.js XFA forms are left out of this build (handlers/parse-invoice/core/pdfjs-worker-patch.ts); open documents without enableXfa';

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
  ],
};

/** Applies every patch; throws if an anchor is not found as expected (a pdf.js upgrade must be re-checked, not silently unpatched). */
export function patchPdfjsWorkerSource(source: string): string {
  return applyPdfjsPatches(source, PDFJS_WORKER_PATCHES);
}
