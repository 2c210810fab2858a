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
 */
export const PDFJS_WORKER_MODULE = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/** Set on `globalThis.pdfjsWorker` by the patched worker. */
export const PDFJS_PATCH_MARKER = 'paypulsePatched';

interface SourcePatch {
  readonly name: string;
  readonly find: string;
  readonly replace: string;
}

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

/** Applies every patch; throws if an anchor is not found exactly once (a pdf.js upgrade must be re-checked, not silently unpatched). */
export function patchPdfjsWorkerSource(source: string): string {
  let patched = source;
  for (const patch of PDFJS_WORKER_PATCHES) {
    const first = patched.indexOf(patch.find);
    if (first < 0 || patched.indexOf(patch.find, first + 1) >= 0) {
      throw new Error(`pdf.js worker patch '${patch.name}': expected exactly one occurrence of ${JSON.stringify(patch.find)}; re-check the patch against this pdf.js version`);
    }
    patched = patched.slice(0, first) + patch.replace + patched.slice(first + patch.find.length);
  }
  return patched;
}
