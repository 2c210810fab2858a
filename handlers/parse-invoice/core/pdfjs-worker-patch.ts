/**
 * Source patches for pdf.js's worker (`pdfjs-dist/legacy/build/pdf.worker.mjs`, the
 * version pdf-parse pins), applied wherever that file is loaded: the esbuild bundle
 * (tools/build), jest and the tsx tools (tools/pdfjs). `loadPdfParse` refuses an
 * unpatched worker.
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
export const PDFJS_WORKER_MODULE = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/** Set on `globalThis.pdfjsWorker` by the patched worker. */
export const PDFJS_PATCH_MARKER = 'paypulsePatched';

interface SourcePatch {
  readonly name: string;
  readonly find: string;
  readonly replace: string;
}

/** Replaces the source from `from` (included) up to `to` (excluded), except the lines that match `keep`. */
interface RegionPatch {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly replace: string;
  /** A regular expression (source text, so the patches hash as JSON) for whole lines to carry over. */
  readonly keep: string;
}

export const XFA_LEFT_OUT_MESSAGE = 'pdf.js XFA forms are left out of this build (handlers/parse-invoice/core/pdfjs-worker-patch.ts); open documents without enableXfa';

export const PDFJS_WORKER_PATCHES: readonly SourcePatch[] = [
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
];

export const PDFJS_WORKER_REGION_PATCHES: readonly RegionPatch[] = [
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
    keep: '^var \\w+ = __webpack_require__\\(\\d+\\);$',
  },
];

function exactlyOnce(source: string, anchor: string, patch: string): number {
  const first = source.indexOf(anchor);
  if (first < 0 || source.indexOf(anchor, first + 1) >= 0) {
    throw new Error(`pdf.js worker patch '${patch}': expected exactly one occurrence of ${JSON.stringify(anchor)}; re-check the patch against this pdf.js version`);
  }
  return first;
}

function applyRegionPatch(source: string, patch: RegionPatch): string {
  const start = exactlyOnce(source, patch.from, patch.name);
  const end = exactlyOnce(source, patch.to, patch.name);
  if (end <= start) throw new Error(`pdf.js worker patch '${patch.name}': ${JSON.stringify(patch.to)} comes before ${JSON.stringify(patch.from)}`);
  const keep = new RegExp(patch.keep);
  const kept = source
    .slice(start, end)
    .split('\n')
    .filter((line) => keep.test(line));
  return source.slice(0, start) + patch.replace + kept.map((line) => `${line}\n`).join('') + source.slice(end);
}

/** Applies every patch; throws if an anchor is not found exactly once (a pdf.js upgrade must be re-checked, not silently unpatched). */
export function patchPdfjsWorkerSource(source: string): string {
  let patched = source;
  for (const patch of PDFJS_WORKER_PATCHES) {
    const first = exactlyOnce(patched, patch.find, patch.name);
    patched = patched.slice(0, first) + patch.replace + patched.slice(first + patch.find.length);
  }
  for (const patch of PDFJS_WORKER_REGION_PATCHES) patched = applyRegionPatch(patched, patch);
  return patched;
}
